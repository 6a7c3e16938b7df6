import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import type { RpcError } from '../../shared/rpc';
import { send } from './bridge';

/** A refused call, carrying the contract's error (code, Chinese message, field messages). */
export class RpcCallError extends Error {
  constructor(readonly error: RpcError) {
    super(error.message);
    this.name = 'RpcCallError';
  }
}

/** Typed call: the method name picks the input and output types from the contract. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await send(method, input);
  if (!result.ok) throw new RpcCallError(result.error);
  return result.value as OutputOf<M>;
}

export function errorMessage(error: unknown): string {
  return error instanceof RpcCallError ? error.error.message : '操作失败，请重试';
}
