// Calls onIdle once nothing has happened (no key, pointer, wheel or touch)
// for `minutes`. Checks the clock rather than counting timer ticks, so a
// computer that slept past the limit locks as soon as it wakes.
import { useEffect, useRef } from 'react'

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'focusin'] as const

export function useIdleLock(minutes: number, onIdle: () => void): void {
  const latest = useRef(onIdle)
  latest.current = onIdle

  useEffect(() => {
    const limit = minutes * 60_000
    let lastActivity = Date.now()
    let timer: ReturnType<typeof setTimeout> | undefined

    const check = () => {
      clearTimeout(timer)
      const idleFor = Date.now() - lastActivity
      if (idleFor >= limit) latest.current()
      else timer = setTimeout(check, limit - idleFor)
    }
    const onActivity = () => {
      lastActivity = Date.now()
    }
    const onVisible = () => {
      if (document.visibilityState === 'visible') check()
    }

    timer = setTimeout(check, limit)
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true })
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearTimeout(timer)
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true })
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [minutes])
}
