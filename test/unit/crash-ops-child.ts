// Child process for crash-ops.test.ts: runs ONE operation and is SIGKILLed
// at a random moment during it. Run as
//   node --import tsx crash-ops-child.ts OP ARG…
// It prints "ready" just before the operation starts (so the parent's delay
// is measured from there, not from Node's startup) and "done <ms>" after.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { changePassphrase, importJsonFile, keepPendingWritesIn, makeDossier, openCaseFile, shareCaseFile, writeBundle } from '../../electron/main/core'

const [op, ...args] = process.argv.slice(2)
// As the app and the CLI do at start-up: temporaries are journalled so a later start can sweep them.
keepPendingWritesIn(process.env.KIROKU_PENDING_WRITES!)
const say = (line: string) => process.stdout.write(`${line}\n`)

async function run(): Promise<void> {
  switch (op) {
    case 'import': {
      const [target, passphrase, json] = args
      say('ready')
      const started = Date.now()
      await importJsonFile(target, passphrase, json)
      say(`done ${Date.now() - started}`)
      return
    }
    case 'evidence': {
      const [file, passphrase, source] = args
      // A random tail makes every intake new evidence (never a duplicate).
      const bytes = Buffer.concat([fs.readFileSync(source), crypto.randomBytes(16)])
      const caseFile = openCaseFile(file, passphrase)
      say(`sha ${crypto.createHash('sha256').update(bytes).digest('hex')}`)
      say('ready')
      const started = Date.now()
      caseFile.evidence.add({ bytes, fileName: 'large-screenshot.png', caption: 'large' })
      say(`done ${Date.now() - started}`)
      caseFile.close()
      return
    }
    case 'passwd': {
      const [file, from, to] = args
      say('ready')
      const started = Date.now()
      await changePassphrase(file, from, to)
      say(`done ${Date.now() - started}`)
      return
    }
    case 'share': {
      const [file, passphrase, target, sharePassphrase] = args
      const caseFile = openCaseFile(file, passphrase)
      say('ready')
      const started = Date.now()
      await shareCaseFile(caseFile, passphrase, target, sharePassphrase)
      say(`done ${Date.now() - started}`)
      caseFile.close()
      return
    }
    case 'bundle': {
      const [file, passphrase, target] = args
      const caseFile = openCaseFile(file, passphrase)
      // The dossier is made before "ready": the kill falls while the bundle is written.
      const dossier = await makeDossier(caseFile, { lang: 'en' })
      say('ready')
      const started = Date.now()
      await writeBundle(caseFile, target, dossier, 'en')
      say(`done ${Date.now() - started}`)
      caseFile.close()
      return
    }
    default:
      throw new Error(`unknown operation ${op}`)
  }
}

run().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`)
  process.exit(1)
})
