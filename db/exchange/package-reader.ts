/**
 * The county side's way into the shared package reader (shared/exchange/package-reader.ts):
 * a package on disk, read with node's file handles and node's SM3.
 */
import { open } from 'node:fs/promises';
import { openPackage as openPackageFrom, type PackageEnvelope, type PackageSource } from '../../shared/exchange/package-reader';
import { fastSm3 } from './native-sm3';

export { PackageContents, PackageEnvelope, VerifiedPackage } from '../../shared/exchange/package-reader';

export function packageFileSource(path: string): PackageSource {
  return { path, open: () => open(path, 'r'), sm3: fastSm3 };
}

/** Reads the envelope of the package at `path`. The header is parsed but NOT trusted until `verify`. */
export function openPackage(path: string): Promise<PackageEnvelope> {
  return openPackageFrom(packageFileSource(path));
}
