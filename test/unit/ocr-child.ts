// Run by ocr.test.ts in a fresh, empty working directory and temp directory:
// recognises the PNG given on stdin and prints the result as JSON, so the
// test can check that recognition wrote nothing to either.
import { createTextRecogniser } from '../../electron/main/core/reading/ocr'

async function main() {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const recogniser = createTextRecogniser()
  const result = await recogniser.recognise(Buffer.concat(chunks))
  await recogniser.close()
  process.stdout.write(JSON.stringify(result))
}

void main()
