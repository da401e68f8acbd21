import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { lazy, memo, once } from '@/lib/lazy';

describe('once', () => {
  it('runs its maker on the first call only, also when the value is undefined', () => {
    const make = vi.fn(() => undefined);
    const get = once(make);
    expect(make).not.toHaveBeenCalled();
    expect(get()).toBeUndefined();
    expect(get()).toBeUndefined();
    expect(make).toHaveBeenCalledTimes(1);
  });
});

describe('memo', () => {
  it('makes each key\'s value once, also falsy ones, and forgets all past its bound', () => {
    const make = vi.fn((k: string) => (k === 'none' ? null : k.length));
    const length = memo(make, 2);
    expect([length('ab'), length('ab'), length('none'), length('none')]).toEqual([2, 2, null, null]);
    expect(make).toHaveBeenCalledTimes(2);
    length('abc'); // a third key: the two before are forgotten
    length('ab');
    expect(make).toHaveBeenCalledTimes(4);
  });
});

describe('lazy', () => {
  it('builds the object when a property is first read, once', () => {
    const make = vi.fn(() => ({ n: 1, twice: (x: number) => 2 * x }));
    const value = lazy(make);
    expect(make).not.toHaveBeenCalled();
    expect(value.twice(value.n)).toBe(2);
    expect('n' in value && !('m' in value)).toBe(true);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('stands for a zod schema: parses, nests in other schemas and passes instanceof', () => {
    const Name = lazy(() => z.string().check(z.minLength(1)));
    const Person = lazy(() => z.object({ name: Name, friends: z.array(Name) }));
    expect(Person.safeParse({ name: 'Horst', friends: ['Ramón'] }).success).toBe(true);
    expect(Person.safeParse({ name: 'Horst', friends: [''] }).success).toBe(false);
    expect(Person.safeParse({ name: 'Horst' }).success).toBe(false);
    expect(z.optional(Person).safeParse(undefined).success).toBe(true);
    expect(Person instanceof z.ZodMiniObject && Name instanceof z.ZodMiniString).toBe(true);
    const typed: z.infer<typeof Person> = { name: 'a', friends: [] };
    expect(Person.parse(typed)).toEqual(typed);
  });
});

describe('schemas of the content script', () => {
  afterEach(() => {
    vi.doUnmock('zod/mini');
    vi.resetModules();
  });

  it('are not built when their modules are evaluated, only when first used', async () => {
    const made: string[] = [];
    vi.resetModules();
    vi.doMock('zod/mini', async (original) => {
      const real = await original<Record<string, unknown>>();
      const counted: Record<string, unknown> = { ...real };
      for (const name of ['object', 'string', 'number', 'boolean', 'array', 'record', 'enum', 'literal']) {
        const make = real[name] as (...args: unknown[]) => unknown;
        counted[name] = (...args: unknown[]) => {
          made.push(name);
          return make(...args);
        };
      }
      return counted;
    });
    const messages = await import('@/lib/messages');
    const settings = await import('@/lib/settings');
    expect(made).toEqual([]);
    expect(settings.loadSettings({ ...settings.defaultSettings(), rules: [{ host: 'example.org', item: '{}' }] }).rejected).toBeDefined();
    expect(messages.parseMessage(messages.ToPageSchema, { type: 'search', step: 2 })).toBeNull();
    expect(messages.parseMessage(messages.ToPageSchema, { type: 'search', step: 1 })).toEqual({ type: 'search', step: 1 });
    expect(made).toContain('object');
  });
});
