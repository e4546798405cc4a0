//! kiji-export (under construction).
