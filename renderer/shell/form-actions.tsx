import { Button, Group, type MantineColor } from '@mantine/core';
import { Link } from 'react-router';

/**
 * 取消 and the save button under a form or dialog. Cancel is a link back (a
 * page) or a close (a dialog); save submits the form, or runs `onSave` where
 * Enter in a field must not save.
 */
export function FormActions({ cancel, submitLabel = '保存', loading, disabled, color, onSave }: {
  cancel: string | (() => void);
  submitLabel?: string;
  loading: boolean;
  disabled?: boolean;
  color?: MantineColor;
  onSave?: () => void;
}) {
  return (
    <Group justify="flex-end">
      {typeof cancel === 'string'
        ? <Button variant="default" component={Link} to={cancel}>取消</Button>
        : <Button variant="default" onClick={cancel}>取消</Button>}
      <Button type={onSave ? 'button' : 'submit'} onClick={onSave} color={color} disabled={disabled} loading={loading}>{submitLabel}</Button>
    </Group>
  );
}
