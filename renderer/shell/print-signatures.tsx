import { Group, Text } from '@mantine/core';
import { formatChineseDate, officeDate } from '../../shared/domain/dates';

/** The foot of a printed report the head signs: 制表人、审核人、负责人 and 制表日期. */
export function PrintSignatures() {
  return (
    <>
      <Group justify="space-between" mt="xl">
        <Text>制表人：__________</Text>
        <Text>审核人：__________</Text>
        <Text>负责人：__________</Text>
      </Group>
      <Text ta="right" mt="md" pr="4em">制表日期：{formatChineseDate(officeDate(new Date()))}</Text>
    </>
  );
}
