import { useRouter } from '@tanstack/react-router';
import { useEffect, useMemo, useRef } from 'react';
import type { FocusEvent, MouseEvent } from 'react';

/** What the router's own links wait on a hovered or focused link before preloading its route. */
const DEFAULT_PRELOAD_DELAY_MS = 50;

/** Handlers for an element whose descendants include plain `<a href>` links into the console. */
export interface DelegatedRouterLinkHandlers {
  onClick: (event: MouseEvent<HTMLElement>) => void;
  onMouseOver: (event: MouseEvent<HTMLElement>) => void;
  onMouseOut: (event: MouseEvent<HTMLElement>) => void;
  onFocus: (event: FocusEvent<HTMLElement>) => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * What `RouterLink` does for one link (navigate inside the console on a plain click, preload the
 * route once a link is hovered or focused), done for every `<a href>` inside the element these
 * handlers are spread on. For lists that mount rows by the dozen per frame while they scroll: a
 * `RouterLink` subscribes to the router's location and sets up an effect each, a plain anchor
 * nothing. The hrefs come from `router.buildLocation`, so they are the router's own.
 *
 * A click with a modifier key or another button, or on a link with a target, is left to the
 * browser (a new tab or window), as `RouterLink` leaves it; Enter on a focused link is a click.
 */
export function useDelegatedRouterLinks(): DelegatedRouterLinkHandlers {
  const router = useRouter();
  const pending = useRef<{ link: HTMLAnchorElement; timer: ReturnType<typeof setTimeout> }>(
    undefined,
  );
  useEffect(
    () => () => {
      clearTimeout(pending.current?.timer);
    },
    [],
  );
  return useMemo(() => {
    const delay = router.options.defaultPreloadDelay ?? DEFAULT_PRELOAD_DELAY_MS;
    const cancel = () => {
      clearTimeout(pending.current?.timer);
      pending.current = undefined;
    };
    const enqueuePreload = (event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => {
      const link = linkOf(event);
      if (
        link === undefined ||
        link === pending.current?.link ||
        router.options.defaultPreload !== 'intent'
      ) {
        return;
      }
      cancel();
      pending.current = {
        link,
        timer: setTimeout(() => {
          pending.current = undefined;
          // `href`, when given, is where the router goes; `to` is only what its type asks for.
          router.preloadRoute({ to: '.', href: link.getAttribute('href') ?? '' }).catch(() => {
            // As `RouterLink`: a failed preload is retried by the navigation, if there is one.
          });
        }, delay),
      };
    };
    const leave = (event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) => {
      const link = linkOf(event);
      if (
        link !== undefined &&
        link === pending.current?.link &&
        !link.contains(relatedNode(event))
      ) {
        cancel();
      }
    };
    return {
      onClick: (event) => {
        const link = linkOf(event);
        if (
          link === undefined ||
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.altKey ||
          event.ctrlKey ||
          event.shiftKey ||
          (link.target !== '' && link.target !== '_self')
        ) {
          return;
        }
        event.preventDefault();
        cancel();
        void router.navigate({ href: link.getAttribute('href') ?? '' });
      },
      onMouseOver: enqueuePreload,
      onMouseOut: leave,
      onFocus: enqueuePreload,
      onBlur: leave,
    };
  }, [router]);
}

function linkOf(event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>) {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  return link instanceof HTMLAnchorElement && event.currentTarget.contains(link) ? link : undefined;
}

function relatedNode(event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>): Node | null {
  return event.relatedTarget instanceof Node ? event.relatedTarget : null;
}
