//! numerals (in progress)
