"""Council screens under /quan-ly/hoi-dong/: councils and members (`councils`), sessions and
their running (`sessions`), the member's ballot and the receipt check (`ballot`)."""
