//! kiji-extract (under construction).
