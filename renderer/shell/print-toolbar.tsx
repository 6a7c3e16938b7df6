import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { InputOf } from '../../shared/contract';
import { call } from '../api/client';

export type PrintRecord = InputOf<'audit.recordPrint'>;

/** Prints the page once the audit log holds the print: every document that leaves the desk on paper is on record. */
export async function printRecorded(record: PrintRecord): Promise<void> {
  await call('audit.recordPrint', record);
  window.print();
}

/** Above a printable document and not on the paper: the way back, any other actions, and 打印. */
export function PrintToolbar({ back, record, disabled, children }: {
  back: { to: string; label: string };
  record: PrintRecord;
  disabled?: boolean;
  /** Actions shown before 打印, such as an Excel export. */
  children?: ReactNode;
}) {
  const print = <Button onClick={() => void printRecorded(record)} disabled={disabled}>打印</Button>;
  return (
    <Group justify="space-between" className="no-print">
      <Button variant="default" component={Link} to={back.to}>{back.label}</Button>
      {children ? <Group>{children}{print}</Group> : print}
    </Group>
  );
}

/** The foot of an official document: the bureau's seal line and the day it speaks for. */
export function SealLine({ bureau, date }: { bureau: string; date: string }) {
  return (
    <>
      <Text mt="xl" ta="right" pr="4em">{bureau}（盖章）</Text>
      <Text ta="right" pr="4em">{date}</Text>
    </>
  );
}
