//! dataset (in progress)
