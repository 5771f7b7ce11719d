//! The classify phase: the sentence cues gathered up to a figure, and from them, its section
//! and its words, the figure's year, basis and kind (target, outcome or other).

use super::scan::Pos;
use super::structure::floor_boundary;
use super::subject::SUBJECT_WINDOW;
use crate::lexicon::{
    OUTCOME_CUES, RELATIVE_YEAR_BASES, THIS_YEAR, WHOLE_YEAR, YEAR_END, contains_any,
    has_target_cue,
};

/// Sentence-level cues gathered between figures.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Cues {
    pub(crate) sentence: u32,
    pub(crate) scanned_to: usize,
    pub(crate) target: bool,
    pub(crate) outcome: bool,
    pub(crate) whole_year: bool,
    pub(crate) this_year: bool,
    /// The last relative year word of the sentence so far: `Some(true)` for 今年, `Some(false)`
    /// for 去年, 上年 and 过去一年 (not after 比, 较: those are comparison bases).
    pub(crate) relative: Option<bool>,
}

/// Whether the figure's clause, or a short time phrase opening its sentence (`截至年末，`),
/// says year end.
pub(crate) fn year_end_context(text: &str, pos: Pos, at: usize) -> bool {
    let says = |s: &str| contains_any(s, YEAR_END);
    let lo = floor_boundary(
        text,
        at.saturating_sub(SUBJECT_WINDOW).max(pos.clause_start),
    );
    if text.get(lo..at).is_some_and(says) {
        return true;
    }
    let hi = floor_boundary(text, (pos.sentence_start + 30).min(at));
    text.get(pos.sentence_start..hi.max(pos.sentence_start))
        .is_some_and(|s| {
            let first = s.split(['，', ',']).next().unwrap_or("");
            first.len() < s.len() && says(first)
        })
}

/// The last relative year word of `s`: `true` for 今年, `false` for 去年, 上年, 上一年 and 过去一年
/// (not after 比, 较 and the like: those are comparison bases). One pass over the 年 of `s`.
pub(crate) fn last_relative_year(s: &str) -> Option<bool> {
    let mut best = None;
    for (k, _) in s.match_indices('年') {
        let before = &s[..k];
        let (this, word) = if before.ends_with('今') {
            (true, "今")
        } else if before.ends_with('去') && !before.ends_with("过去") {
            (false, "去")
        } else if before.ends_with("过去一") {
            (false, "过去一")
        } else if before.ends_with("上一") {
            (false, "上一")
        } else if before.ends_with('上') {
            (false, "上")
        } else {
            continue;
        };
        let head = &before[..before.len() - word.len()];
        let comparative = RELATIVE_YEAR_BASES.iter().any(|c| head.ends_with(c));
        if !comparative {
            best = Some(this);
        }
    }
    best
}

pub(crate) fn gather_cues(text: &str, cues: &mut Cues, upto: usize) {
    if upto <= cues.scanned_to {
        return;
    }
    let Some(s) = text.get(cues.scanned_to..upto) else {
        cues.scanned_to = upto;
        return;
    };
    if has_target_cue(s) {
        cues.target = true;
    }
    if contains_any(s, OUTCOME_CUES) {
        cues.outcome = true;
    }
    if s.contains(WHOLE_YEAR) {
        cues.whole_year = true;
    }
    if s.contains(THIS_YEAR) {
        cues.this_year = true;
    }
    if let Some(r) = last_relative_year(s) {
        cues.relative = Some(r);
    }
    // Keep the last few bytes: a cue word may straddle the boundary.
    cues.scanned_to = floor_boundary(text, upto.saturating_sub(9)).max(cues.scanned_to);
}
