//! kiji-eval (under construction).
