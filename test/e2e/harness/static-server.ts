// Serves the built renderer on 127.0.0.1 (a random port) through the code of
// the app's own app://kiroku/ protocol (electron/main/app/app-protocol.ts):
// the same names refused, the same content types, the same CSP header. So the
// browser tests load the page as Electron does, only from another origin.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { APP_ORIGIN, serveAppRequest } from '../../../electron/main/app/app-protocol'
import { contentSecurityPolicy } from '../../../electron/main/app/content-security-policy'

export interface StaticServer {
  origin: string
  close(): Promise<void>
}

export async function serveFolder(root: string): Promise<StaticServer> {
  const policy = contentSecurityPolicy()
  const server = http.createServer((request, response) => {
    const target = request.url ?? '/'
    // Browsers ask for a favicon on http pages (not on Electron's app:// ones).
    if (target === '/favicon.ico') {
      response.writeHead(204).end()
      return
    }
    // The path exactly as the browser sent it, on the app's origin.
    serveAppRequest({ url: `${APP_ORIGIN}${target}`, method: request.method ?? 'GET' }, root, policy).then(
      async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers))
        response.end(Buffer.from(await answer.arrayBuffer()))
      },
      (error: unknown) => response.writeHead(500).end(String(error)),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
