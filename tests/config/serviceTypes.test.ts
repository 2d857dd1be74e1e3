import { describe, expect, it } from 'vitest';
import { SERVICE_TYPE_IDS } from '../../src/config/serviceTypes.ts';
import { SERVICE_TYPES } from '../../src/config/catalogue/services.ts';

describe('the service types', () => {
  it('describe every id once, in the ids order', () => {
    expect(SERVICE_TYPES.map((type) => type.id)).toEqual([...SERVICE_TYPE_IDS]);
  });

  it('have a shape and a colour each, none shared', () => {
    expect(new Set(SERVICE_TYPES.map((type) => type.shape)).size).toBe(SERVICE_TYPES.length);
    expect(new Set(SERVICE_TYPES.map((type) => type.colour)).size).toBe(SERVICE_TYPES.length);
  });
});
