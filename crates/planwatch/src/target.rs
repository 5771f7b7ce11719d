//! target (in progress)
