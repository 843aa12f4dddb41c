import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EventsService } from '../../features/events/events.service.ts';
import { summaryText } from '../../features/events/summary.sanitize.ts';
import type { SummaryService } from '../../features/events/summary.service.ts';
import type { OrganisationsService } from '../../features/organisations/organisations.service.ts';
import { escapeHtml } from '../../shared/html.ts';
import { AppError } from './errors.ts';

export interface PageMeta {
  title: string;
  description: string;
  type: 'website' | 'article' | 'profile';
  jsonLd?: Record<string, unknown>;
  /** A share-card image (absolute URL); makes the X card a large-image one. */
  image?: { url: string; width: number; height: number; alt: string };
}

const esc = escapeHtml;
const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** The <head> tags a share card needs (Open Graph, Twitter) and schema.org JSON-LD for search engines. */
export function renderHead(meta: PageMeta, url: string): string {
  const title = meta.title === 'Nexum' ? 'Nexum' : `${meta.title} · Nexum`;
  const tags = [
    `<title>${esc(title)}</title>`,
    `<meta name="description" content="${esc(clip(meta.description))}">`,
    `<link rel="canonical" href="${esc(url)}">`,
    `<meta property="og:site_name" content="Nexum">`,
    `<meta property="og:type" content="${meta.type}">`,
    `<meta property="og:title" content="${esc(meta.title)}">`,
    `<meta property="og:description" content="${esc(clip(meta.description))}">`,
    `<meta property="og:url" content="${esc(url)}">`,
    `<meta name="twitter:card" content="${meta.image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${esc(meta.title)}">`,
    `<meta name="twitter:description" content="${esc(clip(meta.description))}">`,
  ];
  if (meta.image) {
    tags.push(
      `<meta property="og:image" content="${esc(meta.image.url)}">`,
      `<meta property="og:image:type" content="image/jpeg">`,
      `<meta property="og:image:width" content="${meta.image.width}">`,
      `<meta property="og:image:height" content="${meta.image.height}">`,
      `<meta property="og:image:alt" content="${esc(clip(meta.image.alt))}">`,
      `<meta name="twitter:image" content="${esc(meta.image.url)}">`,
      `<meta name="twitter:image:alt" content="${esc(clip(meta.image.alt))}">`,
    );
  }
  if (meta.jsonLd) {
    // "<" is escaped so a value can never close the script element.
    const json = JSON.stringify({ '@context': 'https://schema.org', ...meta.jsonLd }).replace(
      /</g,
      '\\u003c',
    );
    tags.push(`<script type="application/ld+json">${json}</script>`);
  }
  return tags.join('\n    ');
}

const STATIC_TITLES: Record<string, string> = {
  '/': 'Nexum',
  '/organisations': 'Directory',
  '/regions': 'Regions',
  '/regions/compare': 'Compare regions',
  '/events': 'Events',
  '/signin': 'Sign in',
  '/signup': 'Sign up',
  '/terms': 'Terms and privacy',
  '/account': 'Account',
  '/organisations/new': 'Add an organisation',
  '/admin/review': 'Review queue',
};
const DEFAULT_DESCRIPTION =
  'Nexum: the ecosystem directory, regional profiles, partner search and Clusters-meet-Regions events in one place.';

export function registerSpa(
  app: FastifyInstance,
  deps: {
    clientDir: string;
    publicUrl: string;
    events: EventsService;
    organisations: OrganisationsService;
    summaries: SummaryService;
  },
): void {
  const indexPath = join(deps.clientDir, 'index.html');
  const built = existsSync(indexPath);
  const shell = built
    ? readFileSync(indexPath, 'utf8')
    : '<!doctype html><html lang="en"><head><meta charset="utf-8"><!--nexum-head--></head><body><main><h1>Nexum</h1><p>The web interface is not built: run <code>npm run build</code>.</p></main></body></html>';
  if (built) {
    app.register(fastifyStatic, {
      root: deps.clientDir,
      prefix: '/',
      index: false,
      wildcard: false,
      globIgnore: ['**/index.html'],
      maxAge: '1h',
      setHeaders: (reply, path) => {
        if (path.includes('/assets/')) reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
  }

  async function metaFor(req: FastifyRequest, path: string): Promise<{ meta: PageMeta; status: number }> {
    // The event page and its summary page share the event's card; other event tabs get the generic head.
    const eventMatch = /^\/events\/([^/]+)(\/summary)?$/.exec(path);
    // /organisations/new is the page that adds one, not a profile.
    const orgMatch = /^\/organisations\/(?!new$)([^/]+)$/.exec(path);
    try {
      if (eventMatch) {
        const e = await deps.events.get(req.actor, decodeURIComponent(eventMatch[1]!));
        const url = `${deps.publicUrl}/events/${e.slug}`;
        const summary = eventMatch[2] ? await deps.summaries.get(req.actor, e.id) : null;
        const summaryDescription = summary?.published ? clip(summaryText(summary.bodyHtml), 300) : '';
        const image = e.banner
          ? { url: `${deps.publicUrl}${e.banner.cardUrl}`, width: 1200, height: 630, alt: e.title }
          : undefined;
        return {
          status: 200,
          meta: {
            title: summary ? `Summary: ${e.title}` : e.title,
            description: summaryDescription || e.summary || e.description || DEFAULT_DESCRIPTION,
            type: 'article',
            ...(image ? { image } : {}),
            jsonLd: {
              '@type': 'Event',
              name: e.title,
              description: clip(e.summary || e.description, 500),
              startDate: e.startsAt,
              endDate: e.endsAt,
              url,
              ...(image ? { image: [image.url] } : {}),
              ...(e.themes.length ? { keywords: e.themes.join(', ') } : {}),
              eventStatus:
                e.status === 'cancelled'
                  ? 'https://schema.org/EventCancelled'
                  : 'https://schema.org/EventScheduled',
              eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
              location: {
                '@type': 'Place',
                name: e.venueName ?? e.city ?? e.hostRegion?.name ?? 'To be announced',
                address: {
                  '@type': 'PostalAddress',
                  ...(e.venueAddress ? { streetAddress: e.venueAddress } : {}),
                  ...(e.city ? { addressLocality: e.city } : {}),
                  ...(e.hostRegion
                    ? { addressRegion: e.hostRegion.name, addressCountry: e.hostRegion.code.slice(0, 2) }
                    : {}),
                },
              },
              organizer: e.organisers.map((o) => ({
                '@type': 'Organization',
                name: o.name,
                url: `${deps.publicUrl}/organisations/${o.slug}`,
              })),
              ...(e.people.length
                ? {
                    performer: e.people
                      .filter((p) => p.role !== 'contact')
                      .map((p) => ({ '@type': 'Person', name: p.fullName })),
                  }
                : {}),
            },
          },
        };
      }
      if (orgMatch) {
        const o = await deps.organisations.get(req.actor, decodeURIComponent(orgMatch[1]!));
        return {
          status: 200,
          meta: {
            title: o.acronym ? `${o.name} (${o.acronym})` : o.name,
            description: o.description || `${o.name}${o.city ? `, ${o.city}` : ''}`,
            type: 'profile',
            jsonLd: {
              '@type':
                o.type === 'university'
                  ? 'CollegeOrUniversity'
                  : o.type === 'public_authority'
                    ? 'GovernmentOrganization'
                    : 'Organization',
              name: o.name,
              ...(o.acronym ? { alternateName: o.acronym } : {}),
              url: `${deps.publicUrl}/organisations/${o.slug}`,
              ...(o.website ? { sameAs: [o.website] } : {}),
              ...(o.description ? { description: clip(o.description, 500) } : {}),
              ...(o.foundedYear ? { foundingDate: String(o.foundedYear) } : {}),
              address: {
                '@type': 'PostalAddress',
                ...(o.city ? { addressLocality: o.city } : {}),
                ...(o.regionName ? { addressRegion: o.regionName } : {}),
                ...(o.countryCode ? { addressCountry: o.countryCode } : {}),
              },
            },
          },
        };
      }
    } catch (e) {
      if (e instanceof AppError && e.httpStatus === 404) {
        return {
          status: 404,
          meta: { title: 'Not found', description: DEFAULT_DESCRIPTION, type: 'website' },
        };
      }
      throw e;
    }
    const title = STATIC_TITLES[path] ?? (path.startsWith('/regions/') ? 'Region' : 'Nexum');
    return { status: 200, meta: { title, description: DEFAULT_DESCRIPTION, type: 'website' } };
  }

  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || /\.[a-z0-9]{2,5}$/i.test(path)) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${path}` } });
    }
    const { meta, status } = await metaFor(req, path);
    const lang = req.cookies.nexum_locale === 'it' ? 'it' : 'en';
    const html = shell
      .replace('<!--nexum-head-->', renderHead(meta, `${deps.publicUrl}${path}`))
      .replace(/<html lang="[a-z-]*"/, `<html lang="${lang}"`);
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('Cache-Control', 'no-cache')
      .send(html);
  });
}
