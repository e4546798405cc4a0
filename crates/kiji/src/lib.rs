//! The kiji pipeline as a library: [`pipeline::Pipeline`] runs every stage on
//! one document, [`run::run`] streams a whole job through it in parallel.
//!
//! The `kiji` binary is a thin command line over this crate; fuzz targets,
//! benchmarks and tests use it directly.

pub mod pipeline;
pub mod run;
