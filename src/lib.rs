//! The `<chapter-player>` widget.
