/**
 * "Open now" from hours in OSM `opening_hours` syntax, in London's time
 * whatever zone the device is in: every case runs with the process in four
 * time zones. Instants are given in UTC; London is UTC+0 in winter (GMT)
 * and UTC+1 in summer (BST).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonWallClock, openState } from '../../src/data/openNow.ts';

const WEEKDAYS = 'Mo-Fr 09:00-17:00; Sa 10:00-12:30';

for (const zone of ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata']) {
  describe(`with the device in ${zone}`, () => {
    const before = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      process.env.TZ = before;
    });

    it('runs in that zone (so that the cases below can fail)', () => {
      const offset = new Date('2025-01-13T12:00:00Z').getTimezoneOffset();
      expect(offset).toBe({ UTC: 0, 'Europe/London': 0, 'America/New_York': 300, 'Asia/Kolkata': -330 }[zone]);
    });

    it('reads London’s wall-clock time: 08:30 UTC is 09:30 in summer (BST), 08:30 in winter (GMT)', () => {
      const summer = londonWallClock(new Date('2025-07-14T08:30:00Z'));
      expect([summer.getDate(), summer.getHours(), summer.getMinutes()]).toEqual([14, 9, 30]);
      const winter = londonWallClock(new Date('2025-01-13T08:30:00Z'));
      expect([winter.getDate(), winter.getHours(), winter.getMinutes()]).toEqual([13, 8, 30]);
    });

    it('is open at 09:30 BST on a Monday (08:30 UTC), until 17:00', () => {
      expect(openState(WEEKDAYS, new Date('2025-07-14T08:30:00Z'))).toEqual({ kind: 'open', closes: { hour: 17, minute: 0, weekday: 1, days: 0 } });
    });

    it('is closed at 08:30 GMT on a Monday (08:30 UTC), opening at 09:00 that day', () => {
      expect(openState(WEEKDAYS, new Date('2025-01-13T08:30:00Z'))).toEqual({ kind: 'closed', opens: { hour: 9, minute: 0, weekday: 1, days: 0 } });
    });

    it('on a Saturday afternoon, opens on Monday', () => {
      expect(openState(WEEKDAYS, new Date('2025-01-18T13:00:00Z'))).toEqual({ kind: 'closed', opens: { hour: 9, minute: 0, weekday: 1, days: 2 } });
    });

    it('at 17:30 BST on a Friday (16:30 UTC) is closed, though 16:30 would be open', () => {
      expect(openState(WEEKDAYS, new Date('2025-07-18T16:30:00Z'))).toEqual({ kind: 'closed', opens: { hour: 10, minute: 0, weekday: 6, days: 1 } });
    });

    it('knows England’s bank holidays: closed on Christmas Day and Boxing Day 2025, open again on Monday 29 December', () => {
      const hours = 'Mo-Fr 09:00-17:00; PH off';
      // The library names the holiday.
      expect(openState(hours, new Date('2025-12-25T10:00:00Z'))).toEqual({ kind: 'closed', opens: { hour: 9, minute: 0, weekday: 1, days: 4 }, comment: 'Christmas' });
      expect(openState(hours, new Date('2025-12-24T10:00:00Z')).kind).toBe('open');
    });

    it('crosses midnight in London, not on the device: 00:30 BST on Tuesday is 23:30 UTC on Monday', () => {
      expect(openState('Tu 00:00-01:00', new Date('2025-07-14T23:30:00Z'))).toEqual({ kind: 'open', closes: { hour: 1, minute: 0, weekday: 2, days: 0 } });
    });

    it('is open with no closing time when always open', () => {
      expect(openState('24/7', new Date('2025-07-14T08:30:00Z'))).toEqual({ kind: 'open', closes: null });
    });

    it('passes on a comment, and says when hours leave it open to doubt', () => {
      expect(openState('Mo 10:00-12:00 "by appointment"', new Date('2025-07-14T10:00:00Z'))).toEqual({ kind: 'unknown', comment: 'by appointment' });
    });

    it('says when the text is not in the syntax (it is then shown as text)', () => {
      expect(openState('Monday to Friday, 9am to 5pm', new Date('2025-07-14T08:30:00Z'))).toEqual({ kind: 'unreadable' });
    });
  });
}
