"""Share and discuss (issue 11, item 3): a leader shares a closed round's results with the
network's members, who then see the aggregate page; a leader starts a thread in the network's
private space with the weakest dimensions and a link to the results, in one step."""

from community.discussions.factories import SpaceFactory
from community.discussions.models import Post, SpaceKind, Suspension, Thread
from diagnostics import round_sharing, rounds
from diagnostics.factories import RoundResponseFactory
from diagnostics.models import NetworkRound

from .test_round_answering import RoundAnsweringTestCase


class SharingTestCase(RoundAnsweringTestCase):
    def setUp(self):
        super().setUp()
        data = self.data
        # The first dimension scores lowest, the second next; everything else high.
        low = {item.key: 1 for item in data.dimensions[0].items}
        middle = {item.key: 2 for item in data.dimensions[1].items}
        answers = {item.key: 5 for item in data.items} | low | middle
        answers = {
            key: (data.scale.min + data.scale.max - value) if self.reverse(key) else value
            for key, value in answers.items()
        }
        for comment in ("More meetings", "Fewer emails", ""):
            RoundResponseFactory(round=self.round, answers=answers, comment=comment)
        rounds.close_round(self.round, self.leader)
        self.shared_url = self.round.get_shared_url()
        self.share_url = f"{self.round.get_results_url()}share/"
        self.discuss_url = f"{self.round.get_results_url()}discuss/"

    def reverse(self, key):
        return next(item.reverse for item in self.data.items if item.key == key)

    def private_space(self):
        return SpaceFactory(name="Fenland private", kind=SpaceKind.NETWORK, network=self.network)


class SharingTests(SharingTestCase):
    def test_members_see_nothing_until_a_leader_shares(self):
        self.client.force_login(self.member)
        self.assertEqual(self.client.get(self.shared_url).status_code, 404)
        self.client.force_login(self.leader)
        page = self.client.get(self.round.get_results_url())
        self.assertContains(page, "Share the results with members")
        response = self.client.post(self.share_url, follow=True)
        self.assertContains(response, "The results are shared")
        self.assertContains(response, f'href="{self.shared_url}"')
        self.client.force_login(self.member)
        page = self.client.get(self.shared_url)
        self.assertContains(page, "results")
        self.assertContains(page, "s4n-results-table")
        self.assertContains(page, "Radar chart")
        self.assertContains(page, "More meetings")
        self.assertContains(page, self.data.dimensions[0].title)
        # Members get no CSV and none of the leaders' controls.
        self.assertNotContains(page, "results.csv")
        self.assertNotContains(page, "Share the results with members</button>")

    def test_the_shared_results_are_listed_for_members(self):
        round_sharing.share_results(self.round, self.leader)
        self.client.force_login(self.member)
        for url in (self.network.get_absolute_url(), "/account/"):
            self.assertContains(self.client.get(url), self.shared_url)

    def test_who_may_see_shared_results(self):
        round_sharing.share_results(self.round, self.leader)
        response = self.client.get(self.shared_url)
        self.assertIn("/accounts/login/", response["Location"])
        for user, status in ((self.member, 200), (self.leader, 200), (self.outsider, 403), (self.moderator, 403)):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.shared_url).status_code, status, user)

    def test_a_hidden_networks_results_do_not_exist_for_outsiders(self):
        round_sharing.share_results(self.round, self.leader)
        self.network.hidden = True
        self.network.save()
        self.client.force_login(self.outsider)
        self.assertEqual(self.client.get(self.shared_url).status_code, 404)

    def test_only_leaders_share(self):
        response = self.client.post(self.share_url)
        self.assertIn("/accounts/login/", response["Location"])
        for user in (self.member, self.outsider, self.moderator):
            self.client.force_login(user)
            self.assertEqual(self.client.post(self.share_url).status_code, 403)
        self.assertIsNone(NetworkRound.objects.get(pk=self.round.pk).shared_at)

    def test_an_open_round_or_one_below_the_minimum_cannot_be_shared(self):
        open_round = self.round.__class__.objects.create(
            network=self.network, version=self.round.version, message="Open", closes_at=self.round.closes_at
        )
        with self.assertRaises(rounds.RoundError):
            round_sharing.share_results(open_round, self.leader)
        open_round.closed = True
        open_round.save(update_fields=["closed"])
        with self.assertRaises(rounds.RoundError):
            round_sharing.share_results(open_round, self.leader)
        self.client.force_login(self.leader)
        page = self.client.get(open_round.get_results_url())
        self.assertNotContains(page, "Share the results with members")


class DiscussionTests(SharingTestCase):
    def test_one_button_shares_and_starts_the_thread_in_the_private_space(self):
        space = self.private_space()
        self.client.force_login(self.leader)
        page = self.client.get(self.round.get_results_url())
        self.assertContains(page, "Share and start a discussion")
        response = self.client.post(self.discuss_url)
        thread = Thread.objects.get(space=space)
        self.assertRedirects(response, thread.get_absolute_url(), fetch_redirect_response=False)
        self.round.refresh_from_db()
        self.assertIsNotNone(self.round.shared_at)
        self.assertEqual(self.round.discussion, thread)
        body = Post.objects.get(thread=thread, is_opening=True).body
        self.assertIn(f"http://testserver{self.shared_url}", body)
        first, second = self.data.dimensions[0].title, self.data.dimensions[1].title
        self.assertIn(first, body)
        self.assertLess(body.index(first), body.index(second))
        self.assertIn("1.0", body)
        self.assertEqual(thread.author, self.leader)
        # The members see the thread, and the results page links to it.
        self.client.force_login(self.member)
        self.assertEqual(self.client.get(thread.get_absolute_url()).status_code, 200)
        self.assertContains(self.client.get(self.shared_url), thread.get_absolute_url())

    def test_a_second_press_leads_to_the_same_thread(self):
        space = self.private_space()
        self.client.force_login(self.leader)
        self.client.post(self.discuss_url)
        self.client.post(self.discuss_url)
        self.assertEqual(Thread.objects.filter(space=space).count(), 1)
        page = self.client.get(self.round.get_results_url())
        self.assertContains(page, "See the discussion of these results")

    def test_without_a_private_space_the_page_says_so(self):
        self.client.force_login(self.leader)
        page = self.client.get(self.round.get_results_url())
        self.assertContains(page, "has no private discussion space")
        response = self.client.post(self.discuss_url, follow=True)
        self.assertContains(response, "Fenland Falls Network has no private discussion space")
        self.assertFalse(Thread.objects.exists())
        self.assertIsNone(NetworkRound.objects.get(pk=self.round.pk).shared_at)

    def test_a_switched_off_space_counts_as_none(self):
        space = self.private_space()
        space.active = False
        space.save()
        with self.assertRaises(rounds.RoundError):
            round_sharing.start_discussion(self.round, self.leader)

    def test_the_posting_rules_hold(self):
        self.private_space()
        Suspension.objects.create(user=self.leader, reason="Spam", suspended_by=self.moderator)
        self.client.force_login(self.leader)
        response = self.client.post(self.discuss_url, follow=True)
        self.assertContains(response, "suspended")
        self.assertFalse(Thread.objects.exists())

    def test_only_leaders_start_the_discussion(self):
        self.private_space()
        response = self.client.post(self.discuss_url)
        self.assertIn("/accounts/login/", response["Location"])
        for user in (self.member, self.outsider, self.moderator):
            self.client.force_login(user)
            self.assertEqual(self.client.post(self.discuss_url).status_code, 403)
        self.assertFalse(Thread.objects.exists())
