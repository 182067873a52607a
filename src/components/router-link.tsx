import { Link } from '@carbon/react';
import { createLink } from '@tanstack/react-router';

/**
 * A Carbon link that navigates inside the console: TanStack Router's typed `to`/`params`/`search`
 * on Carbon's styles, so links in tables look like the rest of the product.
 */
export const RouterLink = createLink(Link);
