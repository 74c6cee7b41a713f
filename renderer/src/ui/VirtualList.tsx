// Renders only the rows in (and just around) the visible part of a long
// list, so a timeline of 10,000 events stays as light as one of fifty. Rows
// have known heights; their positions come from a prefix sum and the first
// visible row from a binary search. Written here rather than added as a
// dependency: with fixed heights it is about sixty lines.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react'
import { lastAtOrBelow } from '../../../shared/sorted'

interface VirtualListProps<T> {
  items: readonly T[]
  itemHeight: (item: T) => number
  itemKey: (item: T) => string | number
  renderItem: (item: T, index: number) => ReactNode
  label: string
  className?: string
  /** Extra pixels rendered above and below the visible area. */
  overscan?: number
  viewportRef?: Ref<HTMLDivElement | null>
}

/** The row at `value` pixels: offsets has one more entry than there are rows (the end of the last). */
const indexAt = (offsets: Float64Array, value: number) => lastAtOrBelow(offsets, value, offsets.length - 1)

export function VirtualList<T>({ items, itemHeight, itemKey, renderItem, label, className, overscan = 400, viewportRef }: VirtualListProps<T>) {
  const viewport = useRef<HTMLDivElement | null>(null)
  const [view, setView] = useState({ top: 0, height: 800 })
  const frame = useRef(0)

  const offsets = useMemo(() => {
    const result = new Float64Array(items.length + 1)
    for (let i = 0; i < items.length; i++) result[i + 1] = result[i] + itemHeight(items[i])
    return result
  }, [items, itemHeight])

  const measure = () => {
    const el = viewport.current
    if (el) setView({ top: el.scrollTop, height: el.clientHeight })
  }

  useLayoutEffect(measure, [items])
  useEffect(() => {
    const el = viewport.current
    if (!el) return
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame.current)
    }
  }, [])

  const onScroll = () => {
    // One state update per frame however many scroll events arrive.
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(measure)
  }

  const total = offsets[items.length]
  const first = items.length ? indexAt(offsets, Math.max(0, view.top - overscan)) : 0
  const last = items.length ? indexAt(offsets, view.top + view.height + overscan) : -1
  const visible: ReactNode[] = []
  for (let i = first; i <= last && i < items.length; i++) {
    visible.push(
      <div
        key={itemKey(items[i])}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={i + 1}
        className="virtual-row"
        // Positions are computed per row, so they are set through the style
        // object (CSSOM), which the page's CSP allows, not a style attribute.
        style={{ transform: `translateY(${offsets[i]}px)`, height: offsets[i + 1] - offsets[i] }}
      >
        {renderItem(items[i], i)}
      </div>,
    )
  }

  return (
    <div
      ref={(el) => {
        viewport.current = el
        if (typeof viewportRef === 'function') viewportRef(el)
        else if (viewportRef) viewportRef.current = el
      }}
      className={`virtual-viewport ${className ?? ''}`}
      onScroll={onScroll}
      role="list"
      aria-label={label}
      tabIndex={0}
    >
      <div className="virtual-spacer" role="presentation" style={{ height: total }}>
        {visible}
      </div>
    </div>
  )
}
