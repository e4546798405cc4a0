//! kiji-langdetect (under construction).
