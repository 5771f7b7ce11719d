//! assess (in progress)
