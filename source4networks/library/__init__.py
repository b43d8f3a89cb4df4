"""The library's shared base: what resources, case studies and events have in common (the
section page, the filter set, the listing and the RSS feed). It imports none of them."""
