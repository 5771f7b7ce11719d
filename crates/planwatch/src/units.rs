//! units (in progress)
