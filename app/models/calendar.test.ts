// The iCalendar we write, read back with ical.js (an independent parser): what a calendar app sees.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { eventUid, interviewerFeed, interviewInvitation, webcalLink, type CalendarInterview } from "./calendar";

// Dates are made inside each test: the frozen clock (tests/setup) swaps Date before every test,
// and ical-generator checks `instanceof Date`.
const now = () => new Date("2026-12-02T09:00:00Z");
const interview = (over: Partial<CalendarInterview> = {}): CalendarInterview => ({
  id: 42,
  stage: "system_design",
  scheduledAt: new Date("2026-12-09T10:00:00Z"),
  durationMinutes: 90,
  status: "scheduled",
  sequence: 0,
  candidateName: "Ada Obi",
  positionTitle: "Lead ML Engineer, Fraud Platform",
  exerciseTitle: "Real-time fraud scoring",
  interviewer: { name: "Ana Interviewer", email: "ana@loopwise.test" },
  organizer: { name: "Hal Manager", email: "hm@loopwise.test" },
  ...over,
});

function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((v) => ({ vevent: v, event: new ICAL.Event(v) }));
  return { calendar, events };
}

describe("an interview's invitation", () => {
  it("is one event its interviewer's calendar can hold: the slot, the stage and candidate, a link back", () => {
    const { calendar, events } = read(interviewInvitation(interview(), { now: now(), appUrl: "https://loopwise.example" }));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(events).toHaveLength(1);
    const { event, vevent } = events[0]!;
    expect(event.uid).toBe(eventUid(42));
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-12-09T10:00:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-12-09T11:30:00.000Z");
    expect(event.summary).toBe("System design interview: Ada Obi");
    expect(event.description).toContain("https://loopwise.example/interviews/42/scorecard");
    expect(vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-12-02T09:00:00Z");
    expect(String(vevent.getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:hm@loopwise.test");
    expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(["mailto:ana@loopwise.test"]);
  });

  it("keeps its UID when moved, with a higher SEQUENCE, so calendars update the event instead of adding one", () => {
    const first = read(interviewInvitation(interview(), { now: now(), appUrl: "" })).events[0]!.event;
    const moved = read(
      interviewInvitation(interview({ scheduledAt: new Date("2026-12-10T14:00:00Z"), sequence: 1 }), { now: now(), appUrl: "" }),
    ).events[0]!.event;
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.startDate.toJSDate().toISOString()).toBe("2026-12-10T14:00:00.000Z");
  });

  it("becomes a CANCEL of the same event once the interview is cancelled", () => {
    const { calendar, events } = read(interviewInvitation(interview({ status: "cancelled", sequence: 2 }), { now: now(), appUrl: "" }));
    expect(calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(events[0]!.event.uid).toBe(eventUid(42));
    expect(events[0]!.event.sequence).toBe(2);
    expect(events[0]!.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("survives names that need escaping (commas, semicolons, new lines)", () => {
    const { events } = read(interviewInvitation(interview({ candidateName: "O'Brien; Niamh, Dr\nX" }), { now: now(), appUrl: "" }));
    expect(events[0]!.event.summary).toBe("System design interview: O'Brien; Niamh, Dr\nX");
  });

  it("keeps a staff name whole in CN, quotes, carets and new lines included (RFC 6868), for the attendee and the organiser", () => {
    const names = ['Tomasz "Tom" Nowak', "Zoë ^ Lee", 'Mary "M\nJ" Smith', '";ROLE=CHAIR;X="'];
    for (const name of names) {
      const text = interviewInvitation(
        interview({ interviewer: { name, email: "tom@loopwise.test" }, organizer: { name, email: "hm@loopwise.test" } }),
        { now: now(), appUrl: "https://loopwise.example" },
      );
      const { vevent } = read(text).events[0]!;
      const attendee = vevent.getFirstProperty("attendee")!;
      const organizer = vevent.getFirstProperty("organizer")!;
      expect(attendee.getParameter("cn"), text).toBe(name);
      expect(organizer.getParameter("cn"), text).toBe(name);
      // Nothing of the name leaks out of CN into parameters or values of its own.
      expect(attendee.getParameter("role")).toBe("REQ-PARTICIPANT");
      expect(attendee.getParameter("rsvp")).toBe("FALSE");
      expect(attendee.getFirstValue()).toBe("MAILTO:tom@loopwise.test");
      expect(organizer.getFirstValue()).toBe("mailto:hm@loopwise.test");
    }
  });

  it("keeps the feed's owner and every staff name whole as well", () => {
    const text = interviewerFeed([interview({ organizer: { name: 'Hal "H" Manager', email: "hm@loopwise.test" } })], {
      now: now(),
      appUrl: "https://loopwise.example",
      ownerName: 'Tomasz "Tom" Nowak',
    });
    const { calendar, events } = read(text);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe('Loopwise interviews: Tomasz "Tom" Nowak');
    expect(events[0]!.vevent.getFirstProperty("organizer")!.getParameter("cn")).toBe('Hal "H" Manager');
  });
});

describe("an interviewer's feed", () => {
  it("publishes each interview once, cancelled ones marked so, under the person's name", () => {
    const text = interviewerFeed([interview(), interview({ id: 43, stage: "debugging", status: "cancelled", sequence: 1 })], {
      now: now(),
      appUrl: "",
      ownerName: "Ana Interviewer",
    });
    const { calendar, events } = read(text);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Loopwise interviews: Ana Interviewer");
    expect(events.map((e) => [e.event.uid, e.vevent.getFirstPropertyValue("status")])).toEqual([
      [eventUid(42), "CONFIRMED"],
      [eventUid(43), "CANCELLED"],
    ]);
    // A feed is read, not answered: nobody is invited in it.
    expect(events.every((e) => e.event.attendees.length === 0)).toBe(true);
  });
});

describe("the feed's subscribe link", () => {
  it("is the same address under webcal://, for https and http, and nothing for anything else", () => {
    expect(webcalLink("https://loopwise.example.com/calendar/eyJ.a.b/interviews.ics")).toBe(
      "webcal://loopwise.example.com/calendar/eyJ.a.b/interviews.ics",
    );
    expect(webcalLink("http://localhost:3000/calendar/t/interviews.ics")).toBe("webcal://localhost:3000/calendar/t/interviews.ics");
    expect(webcalLink("javascript:alert(1)")).toBeNull();
    expect(webcalLink("/calendar/t/interviews.ics")).toBeNull();
  });
});
