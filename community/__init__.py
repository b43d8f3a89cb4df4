"""The community: four apps, each in its own folder.

- `accounts/`: signing up and in (allauth, axes), my account, download my data, delete my account
- `members/`: profiles, the member directory, saved pages
- `networks/`: networks, membership, invitations, contacting a network, network pages
- `discussions/`: spaces, threads, posts, moderation, notifications and digests

Dependencies point one way: discussions → networks → members → accounts → the site."""
