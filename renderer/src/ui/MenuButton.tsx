// A button that opens a menu of actions (WAI-ARIA menu button pattern):
// aria-haspopup="menu" and aria-expanded on the button; role=menu and
// menuitem; Down/Up/Home/End move, Escape closes and gives focus back to the
// button, Tab closes. The menu is drawn in a portal at fixed coordinates, so
// a scrolling or transformed parent (the timeline's windowed rows) cannot
// clip it; the portal sits in the button's landmark (the header, <main>, a
// dialog), so the menu stays inside a landmark for screen readers.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

export interface MenuAction {
  key: string
  label: ReactNode
  /** The accessible name when the label alone is not enough (e.g. "Delete <title>"). */
  ariaLabel?: string
  keyShortcuts?: string
  danger?: boolean
  onSelect: () => void
}

interface MenuButtonProps {
  label: ReactNode
  ariaLabel?: string
  title?: string
  className?: string
  items: readonly MenuAction[]
}

export function MenuButton({ label, ariaLabel, title, className, items }: MenuButtonProps) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false)
  const [position, setPosition] = useState<{ top?: number; bottom?: number; right: number }>({ right: 0 })
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()

  const close = (refocus: boolean) => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  /** Under the button (above it when there is no room below); false when the button is out of view. */
  const place = (): boolean => {
    if (!button.current || !menu.current) return false
    const rect = button.current.getBoundingClientRect()
    if (rect.bottom < 0 || rect.top > window.innerHeight) return false
    const height = menu.current.offsetHeight
    const right = Math.max(4, window.innerWidth - rect.right)
    setPosition(rect.bottom + 4 + height > window.innerHeight && rect.top - 4 - height > 0 ? { bottom: window.innerHeight - rect.top + 4, right } : { top: rect.bottom + 4, right })
    return true
  }

  // Place the menu, then focus an item.
  useLayoutEffect(() => {
    if (!open || !place()) return
    const all = menu.current!.querySelectorAll<HTMLElement>('[role="menuitem"]')
    all[open === 'last' ? all.length - 1 : 0]?.focus()
  }, [open])

  // A click elsewhere closes the menu; a scroll or a resize moves it with its button, and closes it
  // only once the button is out of view (a scroll that merely brings the menu into view keeps it open).
  useEffect(() => {
    if (!open) return
    const outside = (event: Event) => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    const dismiss = (event: Event) => {
      if (event.target instanceof Node && menu.current?.contains(event.target)) return
      // Focus inside the menu goes back to the button rather than to the page.
      if (!place()) close(menu.current?.contains(document.activeElement) ?? false)
    }
    document.addEventListener('pointerdown', outside, true)
    window.addEventListener('resize', dismiss)
    document.addEventListener('scroll', dismiss, true)
    return () => {
      document.removeEventListener('pointerdown', outside, true)
      window.removeEventListener('resize', dismiss)
      document.removeEventListener('scroll', dismiss, true)
    }
  }, [open])

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen('first')
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen('last')
    }
  }

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]
    const index = all.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => {
      event.preventDefault()
      all[(to + all.length) % all.length]?.focus()
    }
    if (event.key === 'ArrowDown') move(index + 1)
    else if (event.key === 'ArrowUp') move(index - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(all.length - 1)
    else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (event.key === 'Tab') {
      event.preventDefault()
      close(true)
    }
  }

  const select = (item: MenuAction) => {
    // Focus goes back to the button first: a dialog the item opens returns it there.
    close(true)
    item.onSelect()
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        aria-label={ariaLabel}
        title={title}
        onClick={() => (open ? close(false) : setOpen('first'))}
        onKeyDown={onButtonKey}
      >
        {label}
      </button>
      {open &&
        createPortal(
          <div ref={menu} id={menuId} role="menu" aria-label={ariaLabel ?? (typeof label === 'string' ? label : undefined)} className="menu-popup" style={position} onKeyDown={onMenuKey}>
            {items.map((item) => (
              <button
                key={item.key}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? 'menu-item danger-quiet' : 'menu-item'}
                aria-label={item.ariaLabel}
                aria-keyshortcuts={item.keyShortcuts}
                onClick={() => select(item)}
              >
                {item.label}
              </button>
            ))}
          </div>,
          button.current?.closest('header, main, dialog') ?? document.body,
        )}
    </>
  )
}
