/**
 * The words of the 资金兑付 area for the codes the payments and spot-check
 * contracts carry that the pure domain (shared/domain/payments) does not label:
 * an entitlement's status, a recovery's, a spot check's, and the ledger's
 * dimensions. Batch, line, event and control labels live in the domain.
 */
import type { EntitlementStatus, LedgerDimensionName, RecoveryView, SpotCheckItemView, SpotCheckListItem } from '../contract';

export const ENTITLEMENT_STATUS_LABELS: Record<EntitlementStatus, string> = {
  unpaid: '待发放', in_batch: '已编入批次', paid: '已发放', failed: '发放失败', reversed: '已退票',
};

export const RECOVERY_STATE_LABELS: Record<RecoveryView['state'], string> = { open: '追回中', settled: '已追回' };

export const SPOT_CHECK_STATE_LABELS: Record<SpotCheckListItem['state'], string> = { open: '进行中', finished: '已结束' };

export const SPOT_CHECK_FINDING_LABELS: Record<NonNullable<SpotCheckItemView['finding']>, string> = { confirmed: '无误', irregular: '有问题' };

export const LEDGER_DIMENSION_LABELS: Record<LedgerDimensionName, string> = { fund: '资金来源', policy: '政策', township: '乡镇（街道）', month: '月份' };
