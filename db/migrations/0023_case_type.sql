-- One English word for 业务/事项 (issue 20): the column says case, as the code does. RENAME COLUMN rewrites the indexes and
-- triggers that name it; the exchange format keeps its field matterType (db/exchange/wire-names.ts maps it).
ALTER TABLE `cases` RENAME COLUMN `matter_type` TO `case_type`;
