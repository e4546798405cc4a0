//! kiji-ingest (under construction).
