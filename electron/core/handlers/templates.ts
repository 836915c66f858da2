import type { Services } from '../services';
import type { HandlersFor } from './types';

type TemplateChannel = 'templates.list' | 'templates.save' | 'templates.delete' | 'templates.reset';

export function templateHandlers({ templates, nowIso }: Services): HandlersFor<TemplateChannel> {
  return {
    'templates.list': () => templates.list(nowIso()),
    'templates.save': (input) => templates.save(input, nowIso()),
    'templates.delete': ({ id }) => templates.delete(id, nowIso()),
    'templates.reset': ({ kind }) => templates.reset(kind, nowIso()),
  };
}
