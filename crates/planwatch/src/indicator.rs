//! indicator (in progress)
