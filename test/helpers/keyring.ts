// Stands in for the OS keyring (Electron's safeStorage) in tests: it really
// encrypts, AES-256-GCM under a key that lives only in this process, so a test
// can check that what reaches the disk is sealed, and that a sealed entry
// stops opening when the "keyring" changes.
import crypto from 'node:crypto'
import type { Keyring } from '../../electron/main/ipc/remembered-passphrases'

export class TestKeyring implements Keyring {
  private key = crypto.randomBytes(32)
  sealed = 0

  constructor(public isAvailable = true) {}

  available(): boolean {
    return this.isAvailable
  }

  encrypt(secret: string): Buffer {
    const iv = crypto.randomBytes(12)
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
    this.sealed++
    return Buffer.concat([iv, body, cipher.getAuthTag()])
  }

  decrypt(sealed: Buffer): string {
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12))
    decipher.setAuthTag(sealed.subarray(sealed.length - 16))
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString('utf8')
  }

  /** As if the OS keyring were reset or the file came from another account: nothing sealed before opens. */
  replaceKey(): void {
    this.key = crypto.randomBytes(32)
  }
}
