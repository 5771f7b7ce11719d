//! The walk over a document's events, in order: each figure is read by the bounds, lead, subject,
//! year and kind phases in turn, with the sections and the sentence so far; then the mentions
//! are distributed.

use super::bounds::{figure_at, read_bounds};
use super::classify::{Cues, Sentence, read_kind, read_year};
use super::distribute::distribute;
use super::mention::{Found, Reading, is_duration};
use super::scan::Event;
use super::structure::{Doc, Sections};
use super::subject::{read_lead, read_subject};
use super::years::{push_plan_ctx, push_year_ctx};

/// Year contexts kept per sentence (the nearest ones matter).
pub(crate) const MAX_YEARS: usize = 16;

/// Reads every mention of a document, walking its events once, in order.
pub(crate) fn mentions(doc: &Doc) -> Vec<Found> {
    let text = doc.text;
    let matcher = doc.matcher;
    let events = &doc.events;
    // At most one mention per number: no doubling of a large vector on the way.
    let numbers = events.iter().filter(|e| matches!(e, Event::Num(_))).count();
    let mut out: Vec<Found> = Vec::with_capacity(numbers);
    let mut sections = Sections::new(doc);
    let mut sentence = Sentence::default();
    // The last figure that is not a bare number, and the last that is not a duration either.
    let mut last_nonbare: Option<usize> = None;
    let mut last_real: Option<usize> = None;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Heading(_) | Event::Item(_) => {}
            Event::Year(y) => push_year_ctx(text, &mut sentence.years, y),
            Event::Plan(p) => push_plan_ctx(text, &mut sentence.years, p),
            Event::Num(n) => {
                let (fig, used) = figure_at(text, events, i);
                i += used;
                if let Some(fig) = fig {
                    let section = sections.at(n.start, n.pos.paragraph_start);
                    let cues = &mut sentence.cues;
                    if cues.sentence != n.pos.sentence || cues.scanned_to < n.pos.sentence_start {
                        *cues = Cues {
                            sentence: n.pos.sentence,
                            scanned_to: n.pos.sentence_start,
                            ..Cues::default()
                        };
                    }
                    let years = &mut sentence.years;
                    years.retain(|y| y.start >= n.pos.sentence_start);
                    if years.len() > MAX_YEARS {
                        years.drain(..years.len() - MAX_YEARS);
                    }
                    let pl = last_nonbare.and_then(|k| out.get(k));
                    let pr = last_real.and_then(|k| out.get(k));
                    let reading = Reading::new(fig, n.pos, section, pl, pr);
                    let found = contextualize(doc, &mut sentence, reading);
                    if !found.bare {
                        last_nonbare = Some(out.len());
                        if !is_duration(&found) {
                            last_real = Some(out.len());
                        }
                    }
                    out.push(found);
                }
                continue;
            }
        }
        i += 1;
    }
    distribute(text, matcher, &mut out);
    out
}

/// Reads one figure in its context, phase by phase: its bounds, the words that lead to it, its
/// subject and indicator, its year and basis, its kind.
fn contextualize(doc: &Doc, sentence: &mut Sentence, mut rd: Reading) -> Found {
    read_bounds(doc, &mut sentence.years, &mut rd);
    read_lead(doc, &mut sentence.years, &mut rd);
    read_subject(doc, &sentence.years, &mut rd);
    read_year(doc, sentence, &mut rd);
    let kind = read_kind(doc, &sentence.cues, &mut rd);
    rd.into_found(doc.text, kind)
}
