"""The demo content that `manage.py load_demo_content` loads: standard pages, resources, case
studies, events, the home page's featured items and the demo accounts.

Everything here is original writing for this platform. The people, organisations and places are
invented (Northshire, Westmoor, Ashdale and the rest do not exist); web addresses use example.org.

This module is data only: lists of dicts. A page body is a list of blocks made with the small
helpers below, which the command turns into StreamField data. Dates are given either as fixed
past dates (publication dates) or as a number of days from today (review dates, events), so the
demo stays current whenever it is loaded."""

from datetime import date

from .taxonomy import NetworkType, ResourceType

# ---------------------------------------------------------------------------------------------
# Body blocks. Each helper returns a (block type, value) pair; the command resolves images and
# documents (which need database rows) and turns the rest into StreamField's JSON form.
# ---------------------------------------------------------------------------------------------

NHS_BLUE = (0, 94, 184)
NHS_DARK_BLUE = (0, 48, 135)
NHS_AQUA_GREEN = (0, 130, 120)
NHS_PURPLE = (51, 0, 114)
NHS_DARK_GREY = (66, 84, 98)
NHS_DARK_PINK = (125, 34, 86)


def ul(*items):
    """A bulleted list, for use inside rich_text()."""
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items):
    """A numbered list, for use inside rich_text()."""
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def rich_text(*parts):
    """Paragraphs of rich text. A part that is already HTML (a list) is kept as it is."""
    return ("rich_text", "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def inset(text):
    return ("inset_text", {"text": f"<p>{text}</p>"})


def quote(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


def image(title, alt_text, caption="", colour=NHS_BLUE):
    """An original illustration drawn by make_image(); the command reuses an image with the
    same title if one exists."""
    return ("image", {"title": title, "alt_text": alt_text, "caption": caption, "colour": colour})


def document(title, filename, content):
    """A small downloadable file (plain text or CSV) written here."""
    return ("document", {"title": title, "filename": filename, "content": content})


# ---------------------------------------------------------------------------------------------
# Topics shared by resources, case studies and events.
# ---------------------------------------------------------------------------------------------

LEADERSHIP = "network leadership"
EVALUATION = "evaluation and impact"
ENGAGEMENT = "member engagement"
GOVERNANCE = "governance"
FUNDING = "funding and sustainability"
DIGITAL = "digital collaboration"
INEQUALITIES = "health inequalities"
IMPROVEMENT = "improvement methods"
SYSTEM = "system working"
FACILITATION = "facilitation"

TOPICS = [
    LEADERSHIP,
    EVALUATION,
    ENGAGEMENT,
    GOVERNANCE,
    FUNDING,
    DIGITAL,
    INEQUALITIES,
    IMPROVEMENT,
    SYSTEM,
    FACILITATION,
]

TEAM_EMAIL = "networks-team@example.org"

# ---------------------------------------------------------------------------------------------
# Standard pages, in the order the footer lists them.
# ---------------------------------------------------------------------------------------------

STANDARD_PAGES = [
    {
        "slug": "about",
        "title": "About Source4Networks",
        "summary": "Source4Networks helps the leaders and members of health and care networks learn from each "
        "other: evidence and toolkits, case studies from many sectors, diagnostics and a community.",
        "body": [
            rich_text(
                "Source4Networks is run by the networks team at NHS England for anyone who leads, coordinates "
                "or takes part in a network that improves health and care. That includes clinical networks, "
                "provider collaboratives, communities of practice, improvement networks and alliances of "
                "voluntary and community organisations.",
                "Networks get things done by bringing people together across organisational boundaries. "
                "They rarely have much money or formal authority, so they depend on trust, shared purpose "
                "and good facilitation. This platform exists to make that work a little easier.",
            ),
            heading("Where the platform came from"),
            rich_text(
                "In 2014 a group of network leaders from across England met to talk about what would help "
                "their networks thrive. They asked for four things:",
                ol(
                    "what is already known about networks, shared in a form people can use",
                    "examples of good practice from a range of sectors, not only the NHS",
                    "the evidence and diagnostic tools that help existing networks grow and improve",
                    "ways for networks to find each other, learn together and share what works",
                ),
                "Source4Networks is our answer to that request. Each part of the site delivers one of "
                "those four things.",
            ),
            heading("What you can do here"),
            rich_text(
                ul(
                    "<a href='/resources/'>Browse the resource library</a> of guides, toolkits, research, "
                    "templates, recordings and articles",
                    "<a href='/case-studies/'>Read case studies</a> of networks in health, social care, "
                    "housing, education, local government and the voluntary sector",
                    "<a href='/diagnostics/'>Run a diagnostic</a> on your own or with your whole network, "
                    "and talk about the results together",
                    "<a href='/networks/'>Find other networks</a> and get in touch with them",
                    "<a href='/community/'>Join discussions</a> with other network leaders and members",
                    "<a href='/events/'>Come to an event or webinar</a>",
                )
            ),
            heading("Our approach"),
            rich_text(
                "Networks work best when they can flourish on their own terms. We try to connect and "
                "equip networks, not to manage them. Nothing on this site is a performance measure, and "
                "diagnostic results belong to the people and networks who produce them.",
                "Resources come from many organisations. We choose them because network leaders have found "
                "them useful, and we review each one regularly to check it is still current.",
            ),
            inset(
                "Have you written something other networks should read, or would your network make a good "
                f"case study? Email us at <a href='mailto:{TEAM_EMAIL}'>{TEAM_EMAIL}</a>."
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "summary": "How accessible Source4Networks is, what to do if you have difficulty using it, and how to "
        "report a problem. We aim to meet WCAG 2.2 at level AA.",
        "body": [
            rich_text(
                "This statement applies to the Source4Networks website. It does not cover the websites of "
                "other organisations that we link to, or documents published by other organisations.",
                "We want as many people as possible to be able to use this website. You should be able to:",
                ul(
                    "change colours, contrast levels and fonts using your browser or device settings",
                    "zoom in up to 400% without the text spilling off the screen",
                    "navigate the whole website using just a keyboard",
                    "navigate most of the website using speech recognition software",
                    "listen to the website using a screen reader",
                    "use every part of the website, including the diagnostics and discussions, with "
                    "JavaScript turned off",
                ),
                "We have also made the text as simple as we can. The website uses the NHS design system, "
                "which is tested with people who have a wide range of access needs.",
            ),
            heading("How accessible this website is"),
            rich_text(
                "We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. "
                "We test every page template with automated tools and by hand, including with a keyboard "
                "and a screen reader, before each release.",
                "We know some parts of the website are not fully accessible:",
                ul(
                    "some documents in the resource library were produced by other organisations and may "
                    "not work well with assistive technology",
                    "some older video and webinar recordings do not have accurate captions or transcripts",
                ),
                "Diagnostic results are shown as a chart and as a table. The table contains all the "
                "information in the chart, so you do not need to see the chart to understand your results.",
            ),
            heading("Feedback and contact information"),
            rich_text(
                "If you need information on this website in a different format, such as accessible PDF, "
                "large print, easy read, an audio recording or braille, email "
                "<a href='mailto:accessibility@example.org'>accessibility@example.org</a>. We will consider "
                "your request and reply within 5 working days.",
                "If you find a problem that is not listed on this page, or you think we are not meeting "
                "accessibility requirements, please tell us using the same email address.",
            ),
            heading("Enforcement procedure"),
            rich_text(
                "The Equality and Human Rights Commission is responsible for enforcing the accessibility "
                "regulations for public sector websites. If you are not happy with how we respond to your "
                "complaint, contact the Equality Advisory and Support Service (EASS)."
            ),
            heading("How we tested this website"),
            rich_text(
                "Every page template is checked automatically for accessibility problems and for valid HTML "
                "each time the website changes. We also test by hand with a keyboard, a screen reader and "
                "zoom. We review this statement at least once a year and whenever we make a significant "
                "change to the website."
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "summary": "What personal information Source4Networks holds about you, why we hold it, who can see "
        "it, how long we keep it and your rights. We only use strictly necessary cookies.",
        "body": [
            rich_text(
                "This notice explains how NHS England uses personal information when you use "
                "Source4Networks. NHS England is the data controller for the website. You can read the "
                "library, case studies and events without an account, and without giving us any personal "
                "information."
            ),
            heading("What we hold and why"),
            rich_text(
                "If you create an account, we hold:",
                ul(
                    "<strong>your account details</strong>: your email address and a securely scrambled "
                    "version of your password, so you can sign in",
                    "<strong>your profile</strong>: your display name and anything else you choose to add, "
                    "such as your job title, organisation, region, sector, interests and a short biography",
                    "<strong>your networks</strong>: the networks you belong to and whether you lead them",
                    "<strong>what you post</strong>: discussion threads and replies, and any posts you report",
                    "<strong>your diagnostic answers and results</strong>",
                    "<strong>your settings</strong>: saved items and how often you want email notifications",
                ),
                "We use this information to run the website for you: to let you sign in, take part in "
                "discussions, join networks and see your own results. We do not use it for marketing and we "
                "never sell it.",
                "Our servers also keep short-lived technical records, such as the internet address a "
                "request came from and failed sign-in attempts. We use these only to keep the website "
                "secure and working.",
            ),
            heading("Your diagnostic answers are private"),
            rich_text(
                "Only you can see your own diagnostic answers and results. When you answer as part of a "
                "network round, your network's leaders see only combined, anonymous results, and only once "
                "enough people have answered that no one can be identified. Your individual answers are "
                "never shown to anyone else."
            ),
            heading("Who can see your profile"),
            rich_text(
                "Profiles are visible only to people who are signed in. You appear in the member directory "
                "only if you choose to. Your email address is never shown to other members: when someone "
                "contacts a network, the message is passed on through the website."
            ),
            heading("Our legal basis"),
            rich_text(
                "We process your information because it is necessary for a task carried out in the public "
                "interest: supporting networks that improve health and care. Where you choose to add "
                "optional details to your profile, you can remove them at any time."
            ),
            heading("How long we keep it"),
            rich_text(
                "We keep your information for as long as you have an account. If you delete your account, "
                "we delete your profile, your settings and your personal diagnostic results. Your posts "
                "stay in discussions so that conversations still make sense, but they are shown as written "
                "by a former member. Contributions to network rounds remain only inside anonymous totals.",
                "If you do not sign in for 3 years, we will email you and then delete your account if you "
                "do not reply within 30 days.",
            ),
            heading("Your rights"),
            rich_text(
                "You can see, correct, download and delete your information yourself from your account "
                "page: choose <strong>Download my data</strong> for a copy of everything we hold about you, "
                "or <strong>Delete my account</strong>. You also have the right to object to how we use "
                "your information and to ask us to restrict it.",
                "For anything else, email our data protection officer at "
                "<a href='mailto:privacy@example.org'>privacy@example.org</a>. If you are unhappy with our "
                "response, you can complain to the Information Commissioner's Office.",
            ),
            heading("Cookies"),
            rich_text(
                "We only use cookies that are strictly necessary to make the website work, such as the one "
                "that keeps you signed in. We do not use analytics or advertising cookies. "
                "<a href='/cookies/'>Read more about the cookies we use</a>."
            ),
        ],
    },
    {
        "slug": "terms",
        "title": "Terms of use",
        "summary": "The rules for using Source4Networks, including what you can post in discussions, how we "
        "moderate, and how you may reuse what you find here.",
        "body": [
            rich_text(
                "By using Source4Networks you agree to these terms. They are here to keep the website "
                "useful and safe for everyone. If you do not agree with them, please do not use the website."
            ),
            heading("Your account"),
            rich_text(
                "Anyone with an interest in health and care networks can create an account. Use your own "
                "name or a name your colleagues would recognise, keep your password to yourself and tell "
                f"us at <a href='mailto:{TEAM_EMAIL}'>{TEAM_EMAIL}</a> if you think someone else has used "
                "your account."
            ),
            heading("Taking part in discussions"),
            rich_text(
                "Discussions work when people feel safe to ask questions and share honestly. When you post:",
                ul(
                    "be respectful, even when you disagree",
                    "never share information that could identify a patient, a person who uses services or a "
                    "member of staff who has not agreed to it",
                    "do not post anything unlawful, abusive, discriminatory or misleading",
                    "do not advertise products or services",
                    "respect other people's copyright",
                ),
                "You are responsible for what you post. What you write reflects your own views, not those "
                "of NHS England.",
            ),
            inset(
                "This website is not for clinical advice. If you need medical help, contact your GP or "
                "NHS 111, or call 999 in an emergency."
            ),
            heading("Moderation"),
            rich_text(
                "Our moderators may hide or remove posts, lock or move threads and suspend accounts that "
                "break these terms. You can report a post you are worried about using the "
                "<strong>Report</strong> link next to it. We record every moderation action."
            ),
            heading("Reusing content"),
            rich_text(
                "Unless it says otherwise, text written by the networks team is available under the Open "
                "Government Licence. Resources from other organisations are linked or shared with their "
                "permission and remain subject to their own terms. Check the source before reusing them."
            ),
            heading("Links and availability"),
            rich_text(
                "We link to other websites because we think they are useful, but we are not responsible "
                "for their content. We work hard to keep Source4Networks available and accurate, but we "
                "cannot promise it will always be so.",
                "We may update these terms. If we make a significant change we will tell registered members "
                "by email. These terms are governed by the law of England and Wales.",
            ),
        ],
    },
    {
        "slug": "cookies",
        "title": "Cookies",
        "summary": "Source4Networks only uses cookies that are strictly necessary for the website to work. "
        "We do not use analytics, advertising or tracking cookies.",
        "body": [
            rich_text(
                "Cookies are small files saved on your phone, tablet or computer when you visit a website.",
                "We only use cookies that are strictly necessary to make Source4Networks work. Because "
                "these cookies are essential, we do not need to ask for your permission to use them, and "
                "you will not see a cookie banner.",
            ),
            heading("The cookies we use"),
            rich_text(
                ul(
                    "<strong>sessionid</strong> keeps you signed in as you move from page to page. It is "
                    "deleted after 2 weeks, or when you sign out.",
                    "<strong>csrftoken</strong> protects the forms on this website from a type of attack "
                    "where another website tries to send information in your name. It lasts for up to a year.",
                    "<strong>messages</strong> shows you a confirmation, such as “Your reply has been "
                    "posted”, on the next page you see. It is deleted as soon as the message is shown.",
                )
            ),
            heading("What we do not use"),
            rich_text(
                "We do not use cookies to count visitors, to remember you for advertising or to track you "
                "across other websites. Videos and other content from other websites are only loaded when "
                "you choose to follow a link to them."
            ),
            inset(
                "You can block or delete cookies in your browser settings, but if you block these cookies "
                "you will not be able to sign in."
            ),
        ],
    },
    {
        "slug": "contact",
        "title": "Contact us",
        "summary": "How to contact the NHS England networks team about Source4Networks: suggesting a resource "
        "or case study, help with your account, accessibility and privacy.",
        "body": [
            rich_text(
                "Source4Networks is run by the networks team at NHS England. We read every message and aim "
                "to reply within 5 working days."
            ),
            heading("General enquiries"),
            rich_text(
                f"Email <a href='mailto:{TEAM_EMAIL}'>{TEAM_EMAIL}</a> to:",
                ul(
                    "suggest a resource for the library",
                    "tell us about a network that would make a good case study",
                    "ask about an event or offer to speak at one",
                    "get help with your account or with running a diagnostic for your network",
                    "tell us something on the website is wrong or out of date",
                ),
            ),
            heading("Other enquiries"),
            rich_text(
                ul(
                    "Accessibility, or information in a different format: "
                    "<a href='mailto:accessibility@example.org'>accessibility@example.org</a>",
                    "Your personal information: <a href='mailto:privacy@example.org'>privacy@example.org</a>",
                ),
                "To raise a concern about a post in a discussion, use the <strong>Report</strong> link next "
                "to it. This sends it straight to our moderators.",
                "To get in touch with a network, use <strong>Contact this network</strong> on its page in "
                "the <a href='/networks/'>networks directory</a>.",
            ),
            inset(
                "We cannot give medical advice. If you need medical help, contact your GP or NHS 111, or "
                "call 999 in an emergency."
            ),
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Resources. review_by_days is counted from today: negative means the review is overdue, so
# the resource appears in the admin's review report.
# ---------------------------------------------------------------------------------------------

RESOURCES = [
    {
        "slug": "starting-a-network-first-100-days",
        "title": "Starting a network: a toolkit for the first 100 days",
        "resource_type": ResourceType.TOOLKIT,
        "summary": "Practical steps, checklists and conversation starters for anyone setting up a new health "
        "or care network, from agreeing a shared purpose to holding the first members' meeting.",
        "topics": [LEADERSHIP, GOVERNANCE, ENGAGEMENT],
        "sectors": ["health", "social-care"],
        "source_organisation": "Centre for Network Practice",
        "author": "Dr Helen Marlowe",
        "publication_date": date(2025, 3, 14),
        "external_url": "https://example.org/toolkits/first-100-days",
        "review_by_days": 240,
        "featured": True,
        "body": [
            rich_text(
                "Most networks start with a handful of people who share a frustration or an ambition. The "
                "first few months decide whether that energy turns into something lasting. This toolkit "
                "breaks the first 100 days into three stages, each with a short checklist and questions to "
                "discuss with your founding group."
            ),
            image(
                "Network connections: first 100 days",
                "Abstract illustration of white circles joined by lines on a blue background, suggesting "
                "people in a new network starting to connect.",
                "A network grows through connections between its members, not only through its leader.",
                NHS_BLUE,
            ),
            heading("Days 1 to 30: agree why you exist"),
            rich_text(
                "Before you plan meetings or set up a mailing list, spend time agreeing the problem you want "
                "to solve together. A purpose that fits on one line is easier to share than a page of "
                "objectives.",
                ul(
                    "Talk to at least ten potential members one to one and ask what they would gain",
                    "Write down the one thing the network should achieve in its first year",
                    "Agree what the network will not do, so it does not duplicate existing groups",
                ),
            ),
            heading("Days 31 to 70: build the core"),
            rich_text(
                "Recruit a small core group of four to eight people who will share the work. Include at "
                "least one person from outside your own organisation or profession: networks that look "
                "like a single team rarely stay networks for long.",
                "Agree simple ways of working, such as how decisions are made and who speaks for the "
                "network. You can write these up later as a charter.",
            ),
            inset(
                "Tip: ask each member of the core group to bring one new person to the first open meeting. "
                "It spreads ownership and doubles your reach."
            ),
            heading("Days 71 to 100: hold your first open meeting"),
            rich_text(
                "Your first open meeting should be mostly conversation, not presentation. Share the purpose, "
                "invite challenge, and leave with two or three pieces of work that members have volunteered "
                "to lead. Send a short summary within a week, and set the date of the next meeting before "
                "everyone leaves the room."
            ),
            quote(
                "We spent our first month just listening. It felt slow at the time, but it meant people "
                "recognised their own ideas in what we did next.",
                "Chair of a regional maternity network",
            ),
        ],
    },
    {
        "slug": "member-engagement-toolkit",
        "title": "Member engagement toolkit: keeping people involved between meetings",
        "resource_type": ResourceType.TOOLKIT,
        "summary": "Ideas and tools for keeping members involved between meetings, including light-touch "
        "communication, shared projects, peer visits and ways to welcome newcomers.",
        "topics": [ENGAGEMENT, FACILITATION, DIGITAL],
        "sectors": ["voluntary-community", "health"],
        "source_organisation": "Ashdale Council for Voluntary Service",
        "author": "Amara Okafor-Bright",
        "publication_date": date(2024, 9, 2),
        "external_url": "",
        "review_by_days": 180,
        "featured": False,
        "body": [
            rich_text(
                "Many networks are lively on the day of a meeting and quiet for the weeks in between. This "
                "toolkit collects simple ways to keep members connected without adding to their workload."
            ),
            heading("Light-touch communication"),
            rich_text(
                ul(
                    "A monthly update of no more than five items, each with a named contact",
                    "A “who is working on what” list that members update themselves",
                    "A short welcome call for every new member within two weeks of joining",
                )
            ),
            heading("Shared work"),
            rich_text(
                "People stay involved when they are doing something useful together. Small task groups "
                "with a clear end date, such as writing a shared referral guide, tend to work better than "
                "standing sub-groups with open-ended remits.",
                "Peer visits, where one member spends half a day with another's service, are one of the "
                "most valued activities in many networks. They cost little and build trust quickly.",
            ),
            inset(
                "Ask members every six months what they want more of and less of. Publish what you heard "
                "and what you changed as a result."
            ),
            heading("Welcoming newcomers"),
            rich_text(
                "Established networks can feel closed to new people, even when they do not mean to be. "
                "Pair each newcomer with an existing member, explain acronyms in meeting papers, and make "
                "sure the first meeting a new member attends includes time for introductions."
            ),
        ],
    },
    {
        "slug": "evaluating-your-network-toolkit",
        "title": "Evaluating your network: a practical toolkit",
        "resource_type": ResourceType.TOOLKIT,
        "summary": "A step-by-step approach to showing what difference your network makes, using a simple "
        "logic model, a handful of measures and members' stories, without an evaluation budget.",
        "topics": [EVALUATION, IMPROVEMENT],
        "sectors": ["health", "public-health"],
        "source_organisation": "Lowfield Public Health Observatory",
        "author": "Dr Kwame Asante-Ridley",
        "publication_date": date(2023, 11, 20),
        "external_url": "https://example.org/toolkits/evaluating-networks",
        "review_by_days": 120,
        "featured": False,
        "body": [
            rich_text(
                "Networks are often asked to prove their worth, yet the difference they make is spread "
                "across many organisations and can take years to show. This toolkit helps you build a "
                "proportionate evaluation that your members can contribute to."
            ),
            heading("Step 1: describe how change happens"),
            rich_text(
                "Draw a simple logic model with your members: what the network does, what that leads to in "
                "the short term, and the longer-term outcomes you hope to influence. Keep it to one page."
            ),
            heading("Step 2: choose a few measures"),
            rich_text(
                "Pick no more than six measures. Mix measures of the network itself (such as attendance, "
                "the number of organisations taking part and members' views of its value) with measures of "
                "the outcomes you want to influence.",
                ol(
                    "One measure of reach",
                    "One measure of members' experience",
                    "One or two measures of shared work completed",
                    "One or two outcome measures you can track over time",
                ),
            ),
            heading("Step 3: collect stories as well as numbers"),
            rich_text(
                "Ask members to describe a time the network changed something they did. Short, specific "
                "stories are often more convincing to boards and funders than figures on their own."
            ),
            quote(
                "Our board had seen the attendance figures for years. What changed their minds was a "
                "two-minute story from a ward sister about a problem the network helped her solve.",
                "Network manager, acute care network",
            ),
            inset(
                "Be honest about contribution rather than attribution. A network rarely causes an outcome "
                "on its own; it can show how it helped."
            ),
        ],
    },
    {
        "slug": "health-inequalities-toolkit-clinical-networks",
        "title": "Health inequalities toolkit for clinical networks",
        "resource_type": ResourceType.TOOLKIT,
        "summary": "How clinical networks can find and act on inequalities in access, experience and outcomes, "
        "with worked examples, data questions to ask and ways to involve communities.",
        "topics": [INEQUALITIES, SYSTEM],
        "sectors": ["health", "public-health", "local-government"],
        "source_organisation": "Northshire Integrated Care Board",
        "author": "Sunita Varden",
        "publication_date": date(2025, 6, 30),
        "external_url": "",
        "review_by_days": 330,
        "featured": False,
        "body": [
            rich_text(
                "Clinical networks see patterns that no single service can see. That makes them well "
                "placed to spot unfair differences in who gets care, how they experience it and what "
                "happens to them afterwards."
            ),
            heading("Start with the data you already have"),
            rich_text(
                "Ask each member service to break down a measure it already collects by deprivation, "
                "ethnicity, age and sex. Put the results side by side. Gaps in recording are themselves a "
                "finding worth discussing.",
                ul(
                    "Who is referred, and who is not?",
                    "Who waits longest?",
                    "Who misses appointments, and why?",
                    "Whose outcomes are worse, after allowing for need?",
                ),
            ),
            heading("Involve the people affected"),
            rich_text(
                "Data tells you where to look; it rarely tells you why. Work with community organisations "
                "to hear from people who are under-served, and pay them for their time."
            ),
            inset(
                "Choose one inequality to tackle first. Networks that try to address everything at once "
                "tend to produce reports rather than change."
            ),
            heading("Act together"),
            rich_text(
                "The toolkit includes three worked examples: extending clinic hours in a cardiac "
                "rehabilitation pathway, translating diabetes education materials with community groups, "
                "and outreach screening in partnership with a housing association."
            ),
        ],
    },
    {
        "slug": "network-governance-guide",
        "title": "A guide to network governance that does not get in the way",
        "resource_type": ResourceType.GUIDE,
        "summary": "How to set up light, clear governance for a network: who decides what, how the network is "
        "accountable to its members and hosts, and when to formalise.",
        "topics": [GOVERNANCE, LEADERSHIP],
        "sectors": ["health", "local-government"],
        "source_organisation": "Institute for Collaborative Health",
        "author": "Gareth Penhallow",
        "publication_date": date(2022, 5, 9),
        "external_url": "https://example.org/guides/light-governance",
        "review_by_days": -45,
        "featured": False,
        "body": [
            rich_text(
                "Networks need enough governance to be trusted, and no more. Too little and members cannot "
                "tell who decided what; too much and the network turns into another committee."
            ),
            heading("Three questions to answer"),
            rich_text(
                ol(
                    "<strong>Who decides?</strong> Separate the few decisions that need a formal group from "
                    "the many that members can take themselves.",
                    "<strong>Who are we accountable to?</strong> Usually members first, then the "
                    "organisation that hosts or funds the network.",
                    "<strong>How do we handle disagreement?</strong> Agree this before you need it.",
                )
            ),
            heading("Hosting arrangements"),
            rich_text(
                "Most networks are hosted by a member organisation that employs staff and holds any budget. "
                "Write down what the host provides, what it can and cannot direct, and how either side can "
                "end the arrangement."
            ),
            quote(
                "Our host organisation was generous, but members from other trusts assumed we were its "
                "mouthpiece. A two-page hosting agreement fixed that.",
                "Director, regional cancer network",
            ),
            heading("When to formalise"),
            rich_text(
                "Consider a more formal structure when the network takes on delegated budgets, employs its "
                "own staff or makes decisions that bind member organisations. Until then, a charter and a "
                "hosting agreement are usually enough."
            ),
        ],
    },
    {
        "slug": "facilitators-guide-network-meetings",
        "title": "Running a good network meeting: a facilitator's guide",
        "resource_type": ResourceType.GUIDE,
        "summary": "Plan and run network meetings that members want to attend: setting an agenda around "
        "questions, mixing formats, hearing quieter voices and closing with clear actions.",
        "topics": [FACILITATION, ENGAGEMENT],
        "sectors": ["other", "education"],
        "source_organisation": "Centre for Network Practice",
        "author": "Tomasz Wren",
        "publication_date": date(2024, 2, 12),
        "external_url": "",
        "review_by_days": 200,
        "featured": False,
        "body": [
            rich_text(
                "A network meeting is different from a team meeting. Nobody has to be there, people bring "
                "different loyalties and there is rarely a single decision-maker. Facilitation matters more "
                "than chairing."
            ),
            heading("Build the agenda around questions"),
            rich_text(
                "Instead of a list of updates, write each agenda item as a question the group will answer, "
                "such as “What should we ask commissioners for this winter?”. Send updates in writing "
                "beforehand and use the meeting for conversation."
            ),
            heading("Mix the formats"),
            rich_text(
                ul(
                    "Pairs or threes for the first conversation, so everyone speaks early",
                    "Short rounds where each person gives one sentence",
                    "Silent writing before open discussion, so quieter members' ideas are heard",
                    "A gallery walk or shared document for ideas that need sorting",
                )
            ),
            inset("Keep presentations to ten minutes at most, and always follow them with a question for the room."),
            heading("Close well"),
            rich_text(
                "Spend the last ten minutes agreeing actions, owners and dates, and check what people will "
                "tell their own teams. Ask for one word on how the meeting went and use the answers to "
                "improve the next one."
            ),
        ],
    },
    {
        "slug": "funding-a-network-beyond-first-grant",
        "title": "Funding a network beyond its first grant",
        "resource_type": ResourceType.GUIDE,
        "summary": "Options for funding a network once start-up money runs out: member subscriptions, host "
        "contributions, commissioned work and grants, with the trade-offs of each.",
        "topics": [FUNDING, GOVERNANCE],
        "sectors": ["voluntary-community", "housing"],
        "source_organisation": "Southvale Housing Partnership",
        "author": "Marguerite Hale",
        "publication_date": date(2024, 7, 18),
        "external_url": "https://example.org/guides/network-funding",
        "review_by_days": 150,
        "featured": False,
        "body": [
            rich_text(
                "Start-up funding gives a network time to prove itself. The hardest moment usually comes "
                "two or three years in, when that money ends and the network must show it is worth paying "
                "for. Start planning at least a year before your funding ends."
            ),
            heading("The main options"),
            rich_text(
                ul(
                    "<strong>Member subscriptions</strong> show commitment, but can exclude small organisations",
                    "<strong>Host contributions</strong> are simple, but can make the network look like "
                    "part of one organisation",
                    "<strong>Commissioned work</strong> brings income and credibility, but can pull the "
                    "network away from its purpose",
                    "<strong>Grants</strong> suit new projects, but rarely pay for core coordination",
                ),
                "Most sustainable networks combine two or three of these.",
            ),
            quote(
                "We asked each member for a small contribution scaled to their size. The money mattered "
                "less than the conversation it started about what they valued.",
                "Coordinator, housing and health alliance",
            ),
            heading("Make the case early"),
            rich_text(
                "Funders and members are more likely to keep paying for something they have seen working. "
                "Share short updates on what the network has achieved throughout the year, not only when "
                "you need money."
            ),
        ],
    },
    {
        "slug": "choosing-digital-tools-dispersed-network",
        "title": "Choosing digital tools for a dispersed network",
        "resource_type": ResourceType.GUIDE,
        "summary": "How to choose and introduce online tools for a network spread across organisations: "
        "working out what members need, checking access and security, and avoiding tool overload.",
        "topics": [DIGITAL, ENGAGEMENT],
        "sectors": ["education", "health"],
        "source_organisation": "Kingsmere University Department of Health Sciences",
        "author": "Bea Lindqvist",
        "publication_date": date(2025, 1, 27),
        "external_url": "",
        "review_by_days": 260,
        "featured": False,
        "body": [
            rich_text(
                "Network members work in different organisations with different IT systems, so a tool that "
                "works well inside one organisation can be blocked in another. Choose tools around what "
                "members need to do, not around what is fashionable."
            ),
            heading("Start with tasks"),
            rich_text(
                "List the things members need to do together: hear news, ask each other questions, work on "
                "a document, meet online, find each other's contact details. Then check which tools members "
                "can already use for each task."
            ),
            heading("Check before you commit"),
            rich_text(
                ul(
                    "Can members from every partner organisation sign in and use it?",
                    "Does it work well with a keyboard and a screen reader?",
                    "Where is information stored, and who owns it?",
                    "What happens to your content if you stop paying?",
                )
            ),
            inset(
                "Never use a tool to share information about patients or people who use services unless "
                "your information governance leads have approved it for that purpose."
            ),
            heading("Avoid tool overload"),
            rich_text(
                "Every new tool asks members to learn something and check somewhere else. Two or three "
                "tools, used well, are better than six used occasionally."
            ),
        ],
    },
    {
        "slug": "state-of-health-and-care-networks-2025",
        "title": "The state of health and care networks 2025",
        "resource_type": ResourceType.REPORT,
        "summary": "Findings from a survey of 410 network leaders in England on how their networks are "
        "organised, funded and led, the pressures they face and what would help them most.",
        "topics": [LEADERSHIP, SYSTEM, FUNDING],
        "sectors": ["health", "social-care", "public-health", "voluntary-community"],
        "source_organisation": "Source4Networks team",
        "author": "Dr Ruth Calloway and Joe Ellery",
        "publication_date": date(2025, 10, 6),
        "external_url": "https://example.org/reports/state-of-networks-2025",
        "review_by_days": 365,
        "featured": True,
        "body": [
            rich_text(
                "This report summarises a survey of 410 people who lead or coordinate health and care "
                "networks in England, carried out over the summer. Respondents led clinical networks, "
                "provider collaboratives, communities of practice, improvement networks and voluntary "
                "sector alliances."
            ),
            image(
                "State of networks 2025",
                "Abstract illustration of overlapping white circles and lines on a dark blue background, "
                "representing many different networks connecting with each other.",
                "Respondents came from every NHS England region and from eight sectors.",
                NHS_DARK_BLUE,
            ),
            heading("Key findings"),
            rich_text(
                ul(
                    "Just over half of networks had a paid coordinator, and most of those were part time",
                    "Two in five networks had funding secured for less than a year ahead",
                    "The most valued activity was peer learning between members, ahead of shared guidance",
                    "Leaders said their biggest challenge was members' lack of time to take part",
                    "Fewer than one in four networks had evaluated their impact in the last two years",
                )
            ),
            quote(
                "Everyone agrees networks matter. Almost nobody has a line in their budget for them.",
                "Survey respondent, community of practice leader",
            ),
            heading("What leaders asked for"),
            rich_text(
                "Leaders asked for simple ways to show the value of their network, examples of how others "
                "had secured longer-term funding, and more chances to meet leaders of networks in other "
                "sectors. This platform's case studies and diagnostics respond to those requests."
            ),
            inset(
                "The full report includes results by region and network type, and the survey questions so "
                "other networks can reuse them."
            ),
        ],
    },
    {
        "slug": "networks-and-neighbourhood-health",
        "title": "Networks and neighbourhood health: lessons from twelve places",
        "resource_type": ResourceType.REPORT,
        "summary": "What twelve local areas learned about using networks to join up health, care, housing and "
        "community services around neighbourhoods, and the conditions that helped them.",
        "topics": [SYSTEM, INEQUALITIES],
        "sectors": ["local-government", "housing", "health"],
        "source_organisation": "Riverford Borough Council",
        "author": "Owen Treharne",
        "publication_date": date(2026, 2, 16),
        "external_url": "",
        "review_by_days": 400,
        "featured": False,
        "body": [
            rich_text(
                "Neighbourhood working asks GPs, community nurses, social workers, housing officers and "
                "voluntary groups to plan and act together for a few thousand people. Formal structures "
                "alone rarely make that happen. This report looks at how twelve places used networks to "
                "build the relationships neighbourhood working depends on."
            ),
            heading("What helped"),
            rich_text(
                ul(
                    "A shared picture of the neighbourhood, built from data and residents' experience",
                    "Protected time for front-line staff to meet, not only managers",
                    "A named connector for each neighbourhood, often from the voluntary sector",
                    "Early, visible wins that showed staff the point of working together",
                )
            ),
            heading("What got in the way"),
            rich_text(
                "Different boundaries between organisations, staff turnover and information that could not "
                "be shared were the most common barriers. Places that made progress treated these as "
                "problems for the network to work on, rather than reasons to wait."
            ),
            quote(
                "The breakthrough was when the housing officer and the district nurse started phoning each "
                "other directly. No structure chart made that happen.",
                "Neighbourhood lead, one of the twelve places",
            ),
        ],
    },
    {
        "slug": "what-members-value-survey",
        "title": "What members value: findings from a survey of 1,200 network members",
        "resource_type": ResourceType.REPORT,
        "summary": "Network members told us what makes taking part worthwhile, what puts them off, and what "
        "leaders could do differently. The answers differ by profession and career stage.",
        "topics": [ENGAGEMENT, EVALUATION],
        "sectors": ["health", "social-care"],
        "source_organisation": "Westmoor Provider Collaborative",
        "author": "Lucy Fenwick",
        "publication_date": date(2024, 11, 4),
        "external_url": "",
        "review_by_days": 90,
        "featured": False,
        "body": [
            rich_text(
                "We asked members of 36 networks why they take part, what they get out of it and what would "
                "make them more likely to stay involved. 1,214 people replied."
            ),
            heading("Why people take part"),
            rich_text(
                "The most common reasons were learning from peers (named by 71% of respondents), solving a "
                "problem they could not solve alone (48%) and feeling less isolated in their role (44%). "
                "Career development mattered most to people in their first five years in a role."
            ),
            heading("What puts people off"),
            rich_text(
                ul(
                    "Meetings that are mostly updates or presentations",
                    "Not seeing what happened as a result of their contribution",
                    "Meetings held at times that clash with clinical or care duties",
                    "Feeling that decisions have already been made elsewhere",
                )
            ),
            inset(
                "Social care and voluntary sector members were twice as likely as NHS members to say they "
                "found it hard to get time away from their work to take part."
            ),
            heading("What leaders can do"),
            rich_text(
                "Close the loop by telling members what changed because of their input, vary meeting times, "
                "and create roles for members who want more responsibility."
            ),
        ],
    },
    {
        "slug": "how-networks-create-value-evidence-review",
        "title": "How networks create value: a review of the evidence",
        "resource_type": ResourceType.RESEARCH,
        "summary": "A review of published research on how health and care networks create value, covering "
        "knowledge sharing, service improvement, workforce resilience and system influence.",
        "topics": [EVALUATION, LEADERSHIP],
        "sectors": ["health", "other"],
        "source_organisation": "Institute for Collaborative Health",
        "author": "Dr Imran Choudhury-Wells",
        "publication_date": date(2023, 6, 12),
        "external_url": "https://example.org/evidence/how-networks-create-value",
        "review_by_days": 60,
        "featured": True,
        "body": [
            rich_text(
                "This review brings together studies of networks in health and care published over two "
                "decades. It asks a simple question: how, and in what circumstances, do networks make a "
                "difference?"
            ),
            image(
                "How networks create value",
                "Abstract illustration of white rings of different sizes linked by straight lines on an "
                "aqua green background, suggesting the many routes by which networks create value.",
                "",
                NHS_AQUA_GREEN,
            ),
            heading("Four ways networks create value"),
            rich_text(
                ol(
                    "<strong>Sharing knowledge</strong>: spreading practice faster than formal guidance",
                    "<strong>Improving services</strong>: agreeing common standards and pathways",
                    "<strong>Supporting people</strong>: reducing isolation and building skills",
                    "<strong>Influencing systems</strong>: giving a collective voice to those who plan and "
                    "pay for services",
                )
            ),
            heading("Conditions that matter"),
            rich_text(
                "The strongest studies point to the same conditions: a purpose members share, leaders who "
                "facilitate rather than direct, enough resources for coordination, and trust built over time. "
                "Networks set up mainly to deliver targets set elsewhere tended to struggle."
            ),
            inset(
                "The evidence is strongest for knowledge sharing and weakest for long-term patient outcomes, "
                "mostly because outcomes are hard to link to any single cause."
            ),
            heading("Gaps in the evidence"),
            rich_text(
                "Few studies follow networks for more than three years, and very few look at networks "
                "outside the NHS. We need more research on voluntary sector alliances and on networks that "
                "span health, housing and education."
            ),
        ],
    },
    {
        "slug": "trust-and-reciprocity-research",
        "title": "Trust and reciprocity in professional networks: what the research says",
        "resource_type": ResourceType.RESEARCH,
        "summary": "A plain-English summary of research on how trust forms between members of professional "
        "networks, why reciprocity matters, and what network leaders can do to encourage both.",
        "topics": [ENGAGEMENT, FACILITATION],
        "sectors": ["education", "health"],
        "source_organisation": "Kingsmere University Department of Health Sciences",
        "author": "Dr Helen Marlowe",
        "publication_date": date(2021, 9, 23),
        "external_url": "",
        "review_by_days": -120,
        "featured": False,
        "body": [
            rich_text(
                "Networks run on trust. Members share problems, ideas and sometimes resources because they "
                "expect others to do the same. Research from health, education and business suggests some "
                "consistent lessons about how that trust grows."
            ),
            heading("Trust grows through small exchanges"),
            rich_text(
                "Trust tends to build through repeated small acts of help, such as answering a question or "
                "sharing a template, rather than through big commitments. Networks that make small "
                "exchanges easy give trust more chances to form."
            ),
            heading("Reciprocity is often indirect"),
            rich_text(
                "Members rarely expect the person they helped to help them in return. They expect the "
                "network as a whole to be there when they need it. Leaders can strengthen this by making "
                "generosity visible, for example by thanking contributors in updates."
            ),
            quote(
                "I have probably given more than I have taken. But the one time I really needed help, "
                "five people rang me back the same day.",
                "Member of a social work practice network",
            ),
            heading("What leaders can do"),
            rich_text(
                ul(
                    "Create low-risk ways for members to help each other early on",
                    "Model openness by sharing your own problems and mistakes",
                    "Protect confidentiality, so members feel safe being honest",
                    "Notice and thank people who contribute",
                )
            ),
        ],
    },
    {
        "slug": "networks-and-unwarranted-variation",
        "title": "Evidence summary: networks and reducing unwarranted variation",
        "resource_type": ResourceType.RESEARCH,
        "summary": "What the evidence says about clinical networks reducing unwarranted variation in care, "
        "including benchmarking, peer review and shared protocols, and what makes them work.",
        "topics": [IMPROVEMENT, INEQUALITIES],
        "sectors": ["health"],
        "source_organisation": "Centre for Network Practice",
        "author": "Dr Kwame Asante-Ridley",
        "publication_date": date(2024, 4, 8),
        "external_url": "https://example.org/evidence/unwarranted-variation",
        "review_by_days": 210,
        "featured": False,
        "body": [
            rich_text(
                "Unwarranted variation is a difference in care that cannot be explained by patients' needs "
                "or preferences. Clinical networks are often asked to reduce it. This summary looks at "
                "which approaches have the best evidence."
            ),
            heading("Approaches with good evidence"),
            rich_text(
                ul(
                    "<strong>Benchmarking with peer discussion</strong>: sharing data between services works "
                    "best when clinicians discuss the reasons for differences together",
                    "<strong>Peer review visits</strong>: structured visits between services lead to specific, "
                    "owned improvements",
                    "<strong>Shared protocols</strong>: agreed pathways reduce variation when they are "
                    "developed with the people who will use them",
                )
            ),
            inset(
                "Publishing league tables without discussion can make services defensive. Pair data with conversation."
            ),
            heading("Watch for unintended effects"),
            rich_text(
                "Reducing variation can widen inequalities if services simply become more consistent for "
                "the patients who were already well served. Check any change by deprivation and ethnicity."
            ),
        ],
    },
    {
        "slug": "housing-and-health-partnerships-evidence",
        "title": "Housing and health partnerships: a rapid evidence review",
        "resource_type": ResourceType.RESEARCH,
        "summary": "A rapid review of partnerships between housing providers and health services, looking at "
        "hospital discharge, damp and cold homes, homelessness and adaptations for disabled people.",
        "topics": [SYSTEM, INEQUALITIES],
        "sectors": ["housing", "public-health"],
        "source_organisation": "Southvale Housing Partnership",
        "author": "Marguerite Hale and Rhys Aldous",
        "publication_date": date(2025, 8, 11),
        "external_url": "",
        "review_by_days": 300,
        "featured": False,
        "body": [
            rich_text(
                "Poor housing harms health, and health problems can make it harder to keep a home. This "
                "review looks at partnerships that bring housing and health organisations together, and "
                "what they have achieved."
            ),
            heading("Where partnerships made a difference"),
            rich_text(
                ul(
                    "Housing staff based in hospitals helped people get home sooner, with fewer readmissions",
                    "Joint visits by housing and health staff sped up repairs for damp homes affecting children",
                    "Shared case meetings for people sleeping rough improved access to primary care",
                    "Fast-track adaptations helped older people stay safely at home after a fall",
                )
            ),
            heading("What made partnerships work"),
            rich_text(
                "The partnerships that lasted had a shared budget or agreement, a clear way to refer between "
                "organisations, and named people on each side who knew each other. Short pilots without these "
                "foundations often ended when the funding did."
            ),
            quote(
                "We used to write letters to each other. Now we share a desk on Tuesdays.",
                "Tenancy support manager",
            ),
        ],
    },
    {
        "slug": "network-charter-template",
        "title": "Network charter template",
        "resource_type": ResourceType.TEMPLATE,
        "summary": "A one-page template for writing down your network's purpose, membership, ways of working "
        "and decision-making, with prompts for each section. Download it and adapt it.",
        "topics": [GOVERNANCE, LEADERSHIP],
        "sectors": ["health", "voluntary-community"],
        "source_organisation": "Source4Networks team",
        "author": "Joe Ellery",
        "publication_date": date(2024, 1, 15),
        "external_url": "",
        "review_by_days": 270,
        "featured": False,
        "body": [
            rich_text(
                "A charter is a short document that members agree together. It makes clear what the "
                "network is for and how it works, so new members can get involved quickly and existing "
                "members can hold each other to account."
            ),
            document(
                "Network charter template (plain text)",
                "network-charter-template.txt",
                "NETWORK CHARTER\n\n"
                "1. Name of the network\n\n"
                "2. Our purpose (one sentence)\n"
                "What do we want to change, and for whom?\n\n"
                "3. What we will do\n"
                "List three to five activities.\n\n"
                "4. What we will not do\n"
                "Which work belongs to other groups?\n\n"
                "5. Who can be a member\n"
                "Who is welcome, and how do people join?\n\n"
                "6. How we make decisions\n"
                "Which decisions need the core group? Which can members take themselves?\n\n"
                "7. How we work together\n"
                "For example: we share what we learn, we respect confidentiality, we disagree openly.\n\n"
                "8. Who hosts us and what they provide\n\n"
                "9. How we will know we are making a difference\n\n"
                "10. When we will review this charter\n\n"
                "Agreed by members on (date):\n",
            ),
            heading("How to use the template"),
            rich_text(
                ol(
                    "Draft a first version with your core group in an hour",
                    "Share it with all members and ask what is missing or wrong",
                    "Agree a final version at a members' meeting",
                    "Review it every year, or when the network changes significantly",
                )
            ),
            inset("Keep the charter to one page. If it grows longer, move the detail into separate documents."),
        ],
    },
    {
        "slug": "stakeholder-mapping-tool",
        "title": "Stakeholder mapping tool",
        "resource_type": ResourceType.TEMPLATE,
        "summary": "A simple spreadsheet for mapping the people and organisations your network needs to "
        "involve or influence, rating their interest and influence, and planning how to engage them.",
        "topics": [SYSTEM, ENGAGEMENT],
        "sectors": ["local-government", "other"],
        "source_organisation": "Riverford Borough Council",
        "author": "Owen Treharne",
        "publication_date": date(2023, 3, 6),
        "external_url": "",
        "review_by_days": 140,
        "featured": False,
        "body": [
            rich_text(
                "Networks succeed through relationships with people outside the network as well as inside "
                "it. This tool helps you list those people, think about what matters to them and decide "
                "how to involve them."
            ),
            document(
                "Stakeholder map (CSV spreadsheet)",
                "stakeholder-map.csv",
                "Stakeholder,Organisation,What matters to them,Interest (1-5),Influence (1-5),"
                "How we will involve them,Who in the network leads,Next contact\n"
                "Example: Director of adult social care,Riverford Borough Council,Reducing delayed discharges,"
                "4,5,Quarterly briefing and invitation to annual event,Network chair,\n"
                ",,,,,,,\n",
            ),
            heading("Using the map"),
            rich_text(
                "Rate each stakeholder's interest in your network's work and their influence over it. "
                "People with high influence and high interest are your closest partners. People with high "
                "influence and low interest may need a different conversation, about what matters to them.",
                "Revisit the map every six months. Roles change, and so do priorities.",
            ),
        ],
    },
    {
        "slug": "network-annual-review-template",
        "title": "Network annual review template",
        "resource_type": ResourceType.TEMPLATE,
        "summary": "A template for a short annual review of your network: what it did, what difference it "
        "made, what members said, and priorities for next year. Suitable for hosts and funders.",
        "topics": [EVALUATION, GOVERNANCE],
        "sectors": ["social-care", "health"],
        "source_organisation": "Westmoor Provider Collaborative",
        "author": "Lucy Fenwick",
        "publication_date": date(2025, 4, 22),
        "external_url": "https://example.org/templates/annual-review",
        "review_by_days": 310,
        "featured": False,
        "body": [
            rich_text(
                "An annual review gives members, hosts and funders a clear picture of what the network has "
                "achieved. It does not need to be long: four pages is plenty."
            ),
            heading("Suggested sections"),
            rich_text(
                ol(
                    "The year in brief: three or four sentences",
                    "What we did: activities and numbers, such as meetings, members and shared projects",
                    "What difference it made: two or three short stories, with any measures you track",
                    "What members told us: results of a short members' survey",
                    "What we learned: what did not go to plan and what we changed",
                    "Next year: up to three priorities and what support you need",
                )
            ),
            inset(
                "Ask a member, not the network's coordinator, to write one of the stories. It will be more convincing."
            ),
        ],
    },
    {
        "slug": "meeting-plan-and-action-log",
        "title": "Meeting plan and action log",
        "resource_type": ResourceType.TEMPLATE,
        "summary": "A planning sheet for network meetings with space for the purpose, questions, timings and "
        "methods, and an action log that tracks who agreed to do what by when.",
        "topics": [FACILITATION],
        "sectors": ["education", "other"],
        "source_organisation": "Harbourton Schools Partnership",
        "author": "Tomasz Wren",
        "publication_date": date(2022, 10, 3),
        "external_url": "",
        "review_by_days": -20,
        "featured": False,
        "body": [
            rich_text(
                "Good meetings are planned backwards from what you want people to leave with. This sheet "
                "takes you through that planning in about half an hour."
            ),
            heading("The plan"),
            rich_text(
                ul(
                    "Purpose: what should be different after this meeting?",
                    "Questions: the two or three questions the group will answer",
                    "Timings and methods for each item",
                    "Who needs to be in the room, and who needs to hear afterwards",
                )
            ),
            heading("The action log"),
            rich_text(
                "Record each action with an owner and a date, and review open actions at the start of the "
                "next meeting. Close actions that are no longer needed rather than carrying them forward."
            ),
        ],
    },
    {
        "slug": "leading-without-authority-video",
        "title": "Leading without authority: three network leaders in conversation",
        "resource_type": ResourceType.VIDEO,
        "summary": "A 25-minute film in which three leaders of very different networks talk about influencing "
        "people they do not manage, handling conflict, and looking after themselves.",
        "topics": [LEADERSHIP],
        "sectors": ["health", "social-care"],
        "source_organisation": "Centre for Network Practice",
        "author": "Dr Helen Marlowe (presenter)",
        "publication_date": date(2025, 5, 19),
        "external_url": "https://example.org/videos/leading-without-authority",
        "review_by_days": 280,
        "featured": False,
        "body": [
            rich_text(
                "Network leaders rarely manage the people they work with. In this film, the leader of a "
                "paediatric clinical network, the coordinator of a care homes community of practice and "
                "the chair of a voluntary sector alliance compare how they get things done."
            ),
            heading("What they discuss"),
            rich_text(
                ul(
                    "Building a shared purpose when members' organisations have different priorities",
                    "Handling a member who dominates or blocks progress",
                    "Knowing when to step back and let others lead",
                    "Avoiding burnout in a role that is often part time and unfunded",
                )
            ),
            quote(
                "My job is to make it easy for other people to lead. If everything depends on me, I have failed.",
                "Coordinator, care homes community of practice",
            ),
            inset("The video has captions and a full transcript is available on the same page."),
        ],
    },
    {
        "slug": "introduction-to-quality-improvement-video",
        "title": "An introduction to quality improvement for network members",
        "resource_type": ResourceType.VIDEO,
        "summary": "A short animated introduction to quality improvement: testing small changes, measuring "
        "over time and learning across a network. For members who are new to improvement methods.",
        "topics": [IMPROVEMENT],
        "sectors": ["health", "education"],
        "source_organisation": "Northshire Integrated Care Board",
        "author": "Sunita Varden",
        "publication_date": date(2023, 8, 29),
        "external_url": "https://example.org/videos/intro-to-quality-improvement",
        "review_by_days": 75,
        "featured": False,
        "body": [
            rich_text(
                "This 12-minute video explains the basics of quality improvement in plain language. It is "
                "designed to be shown at the start of a network meeting before members plan an improvement "
                "project together."
            ),
            heading("Chapters"),
            rich_text(
                ol(
                    "What is quality improvement? (0:00)",
                    "Starting with a clear aim (2:10)",
                    "Testing small changes: plan, do, study, act (4:30)",
                    "Measuring over time with run charts (7:05)",
                    "Why networks are good at improvement (9:40)",
                )
            ),
            inset(
                "Networks have a particular advantage: several services can test the same change at once "
                "and learn from each other's results."
            ),
        ],
    },
    {
        "slug": "co-producing-with-people-who-use-services-video",
        "title": "Co-producing with people who use services",
        "resource_type": ResourceType.VIDEO,
        "summary": "People with lived experience and network leaders talk about working as equal partners: "
        "sharing power, paying people fairly and making meetings accessible to everyone.",
        "topics": [ENGAGEMENT, INEQUALITIES],
        "sectors": ["voluntary-community", "social-care"],
        "source_organisation": "Ashdale Council for Voluntary Service",
        "author": "Amara Okafor-Bright",
        "publication_date": date(2024, 6, 3),
        "external_url": "https://example.org/videos/co-production",
        "review_by_days": 190,
        "featured": False,
        "body": [
            rich_text(
                "Co-production means designing and running services in equal partnership with the people "
                "who use them. Networks often say they want to do it; this film shows what it looks like "
                "in practice."
            ),
            image(
                "Co-production in networks",
                "Abstract illustration of white circles of equal size joined by lines on a purple "
                "background, suggesting partners working together as equals.",
                "Co-production starts with treating lived experience as expertise.",
                NHS_PURPLE,
            ),
            heading("In the film"),
            rich_text(
                "Four people who have used mental health, learning disability and social care services "
                "describe joining networks as members. They talk about what made them feel welcome, what "
                "made them feel like a token, and what changed when they were paid for their time."
            ),
            quote(
                "I did not want to tell my story again. I wanted to help decide what happened next.",
                "Expert by experience, learning disability network",
            ),
            heading("Questions to discuss"),
            rich_text(
                ul(
                    "Who is missing from our network, and what stops them taking part?",
                    "How do we pay people with lived experience for their time?",
                    "Which decisions could we share that we currently keep to ourselves?",
                )
            ),
        ],
    },
    {
        "slug": "webinar-making-the-case-for-continued-funding",
        "title": "Webinar: making the case for continued funding",
        "resource_type": ResourceType.WEBINAR,
        "summary": "Recording of a one-hour webinar on building a funding case for your network, with a "
        "commissioner, a charity funder and a network coordinator who secured three more years.",
        "topics": [FUNDING, EVALUATION],
        "sectors": ["voluntary-community", "local-government"],
        "source_organisation": "Source4Networks team",
        "author": "Joe Ellery (chair)",
        "publication_date": date(2025, 11, 12),
        "external_url": "https://example.org/webinars/making-the-case-for-funding",
        "review_by_days": 350,
        "featured": False,
        "body": [
            rich_text(
                "What do funders look for when they decide whether to keep paying for a network? In this "
                "webinar a commissioner from an integrated care board, a grants manager from a charitable "
                "trust and a network coordinator answer questions from network leaders."
            ),
            heading("Main points"),
            rich_text(
                ul(
                    "Funders want to know what would be lost if the network stopped, in concrete terms",
                    "Show how the network supports the funder's own priorities, in their language",
                    "Evidence from members carries weight, especially short stories with numbers",
                    "Start the conversation a year before the money runs out, not a month",
                )
            ),
            quote(
                "Do not tell me the network is valuable. Tell me what three things would go wrong next "
                "winter if it disappeared.",
                "Commissioner speaking in the webinar",
            ),
            inset("The slides and a list of the questions asked are available with the recording."),
        ],
    },
    {
        "slug": "webinar-hosting-online-communities",
        "title": "Webinar: hosting online communities that people actually use",
        "resource_type": ResourceType.WEBINAR,
        "summary": "Recording of a webinar on running online discussion spaces for networks: getting the "
        "first conversations going, moderating kindly and knowing when a space has run its course.",
        "topics": [DIGITAL, FACILITATION],
        "sectors": ["other", "education"],
        "source_organisation": "Harbourton Schools Partnership",
        "author": "Bea Lindqvist",
        "publication_date": date(2024, 10, 15),
        "external_url": "https://example.org/webinars/online-communities",
        "review_by_days": 160,
        "featured": False,
        "body": [
            rich_text(
                "Many networks open an online discussion space with high hopes, only to see it go quiet "
                "within months. In this webinar, three people who host busy online communities share what "
                "they have learned."
            ),
            heading("Getting started"),
            rich_text(
                "Seed the space before you launch it: ask five or six members to post a question or a "
                "useful link in the first week. Empty spaces put people off posting."
            ),
            heading("Keeping it going"),
            rich_text(
                ul(
                    "Reply to every new member's first post within a day",
                    "Post a regular prompt, such as a weekly question, at the same time each week",
                    "Summarise long discussions so people who missed them can catch up",
                    "Agree a few simple house rules and apply them consistently",
                )
            ),
            inset("Not every network needs an online space. If members already talk elsewhere, go to where they are."),
        ],
    },
    {
        "slug": "webinar-provider-collaboratives-and-clinical-networks",
        "title": "Webinar: provider collaboratives and clinical networks working together",
        "resource_type": ResourceType.WEBINAR,
        "summary": "Recording of a webinar on how provider collaboratives and clinical networks can divide "
        "up the work, avoid duplication and strengthen each other, with examples from two regions.",
        "topics": [SYSTEM, GOVERNANCE],
        "sectors": ["health", "social-care"],
        "source_organisation": "Westmoor Provider Collaborative",
        "author": "Gareth Penhallow and Dr Ruth Calloway",
        "publication_date": date(2025, 9, 9),
        "external_url": "https://example.org/webinars/collaboratives-and-networks",
        "review_by_days": 320,
        "featured": False,
        "body": [
            rich_text(
                "Provider collaboratives bring trusts together to plan and run services at scale. Clinical "
                "networks bring clinicians together around a specialty or pathway. Where both exist, "
                "people can be unsure who does what."
            ),
            heading("A useful division of labour"),
            rich_text(
                "Speakers described one approach that worked for them: the collaborative takes decisions "
                "about resources and service configuration, while the clinical network provides clinical "
                "advice, sets standards and runs peer review. Each has a seat at the other's table."
            ),
            quote(
                "The collaborative gives us a route to decisions. We give the collaborative clinical "
                "credibility. Neither works as well alone.",
                "Clinical director speaking in the webinar",
            ),
            heading("Questions from the audience"),
            rich_text(
                ul(
                    "How do you keep social care and primary care involved in a trust-led collaborative?",
                    "Who is accountable when the network's advice is not followed?",
                    "Should network staff be employed by the collaborative?",
                )
            ),
        ],
    },
    {
        "slug": "podcast-quiet-work-of-network-coordinators",
        "title": "Podcast: the quiet work of network coordinators",
        "resource_type": ResourceType.PODCAST,
        "summary": "A 35-minute conversation with two network coordinators about the unseen work that keeps "
        "networks going: chasing, connecting, noticing who has gone quiet and keeping track.",
        "topics": [LEADERSHIP, FACILITATION],
        "sectors": ["health", "voluntary-community"],
        "source_organisation": "Source4Networks team",
        "author": "Joe Ellery (host)",
        "publication_date": date(2026, 4, 7),
        "external_url": "https://example.org/podcasts/quiet-work",
        "review_by_days": 420,
        "featured": False,
        "body": [
            rich_text(
                "Network chairs and clinical leads often get the credit, but networks depend on "
                "coordinators. In this episode, two coordinators describe their week and what they wish "
                "leaders understood about their role."
            ),
            heading("In this episode"),
            rich_text(
                ul(
                    "Why a good coordinator knows who to introduce to whom",
                    "Keeping track of actions when nobody reports to you",
                    "Noticing when a member organisation has gone quiet, and what to do about it",
                    "Career paths for coordinators, and why they are so often missing",
                )
            ),
            quote(
                "Half my job is remembering that someone mentioned a problem three months ago, and that "
                "someone else has just solved it.",
                "Network coordinator, primary care network of networks",
            ),
            inset("A transcript of the episode is available for people who prefer to read."),
        ],
    },
    {
        "slug": "podcast-networks-in-housing-and-homelessness",
        "title": "Podcast: networks in housing and homelessness",
        "resource_type": ResourceType.PODCAST,
        "summary": "How networks that bring together housing providers, health services and charities are "
        "improving care for people who are homeless, told by the people who run them.",
        "topics": [INEQUALITIES, SYSTEM],
        "sectors": ["housing", "voluntary-community"],
        "source_organisation": "Southvale Housing Partnership",
        "author": "Rhys Aldous (host)",
        "publication_date": date(2025, 2, 24),
        "external_url": "https://example.org/podcasts/housing-and-homelessness",
        "review_by_days": 230,
        "featured": False,
        "body": [
            rich_text(
                "People who are homeless die on average decades earlier than the rest of the population. "
                "In this episode we hear from a hostel manager, a specialist nurse and the coordinator of a "
                "homelessness health network about what joined-up care looks like."
            ),
            heading("Topics covered"),
            rich_text(
                ul(
                    "Registering people with a GP when they have no fixed address",
                    "Discharge from hospital when there is nowhere safe to go",
                    "Building trust with people who have been let down by services before",
                    "Sharing information safely between housing, health and charities",
                )
            ),
            quote(
                "The network means that when someone walks into the hostel unwell, I know exactly who to "
                "call, and they pick up.",
                "Hostel manager",
            ),
        ],
    },
    {
        "slug": "podcast-measuring-what-matters",
        "title": "Podcast: measuring what matters",
        "resource_type": ResourceType.PODCAST,
        "summary": "A public health analyst and a network leader discuss how networks can measure their "
        "impact honestly, avoid vanity metrics and use data to start conversations rather than end them.",
        "topics": [EVALUATION],
        "sectors": ["public-health", "other"],
        "source_organisation": "Lowfield Public Health Observatory",
        "author": "Dr Kwame Asante-Ridley (guest)",
        "publication_date": date(2022, 12, 5),
        "external_url": "https://example.org/podcasts/measuring-what-matters",
        "review_by_days": -75,
        "featured": False,
        "body": [
            rich_text(
                "It is easy to count meetings and attendees. It is harder to show that a network has "
                "changed anything for patients or communities. This episode explores the middle ground."
            ),
            heading("Ideas from the episode"),
            rich_text(
                ul(
                    "Measure a few things well rather than many things badly",
                    "Agree measures with members, so the data belongs to them",
                    "Use run charts to see change over time, not just before and after",
                    "Treat unexpected results as a reason to talk, not a reason to hide",
                )
            ),
            inset(
                "“Vanity metrics” look good but tell you little: website visits, for example, or the "
                "number of documents produced."
            ),
        ],
    },
    {
        "slug": "five-signs-your-network-needs-a-refresh",
        "title": "Five signs your network needs a refresh",
        "resource_type": ResourceType.ARTICLE,
        "summary": "Networks can drift without anyone noticing. Here are five warning signs, from falling "
        "attendance to the same voices in every meeting, and what to do about each.",
        "topics": [LEADERSHIP, ENGAGEMENT],
        "sectors": ["health", "other"],
        "source_organisation": "Centre for Network Practice",
        "author": "Tomasz Wren",
        "publication_date": date(2026, 6, 1),
        "external_url": "",
        "review_by_days": 500,
        "featured": False,
        "body": [
            rich_text(
                "Networks rarely fail suddenly. More often they drift: meetings continue, papers circulate, "
                "but the energy has gone. Spotting the signs early gives you a chance to change course."
            ),
            image(
                "Network refresh",
                "Abstract illustration of scattered white circles and crossing lines on a dark grey "
                "background, suggesting a network whose connections have loosened.",
                "",
                NHS_DARK_GREY,
            ),
            heading("1. The same people do all the talking"),
            rich_text(
                "Try methods that give everyone a voice, such as rounds or silent writing, and ask quieter "
                "members privately what would help them contribute."
            ),
            heading("2. Attendance is falling"),
            rich_text(
                "Ask people who have stopped coming why. The answer is often simple: the time, the format, "
                "or not seeing the point."
            ),
            heading("3. Nobody can remember what the network achieved last year"),
            rich_text("Hold a short review session and write down three things that changed because of you."),
            heading("4. Meetings are mostly updates"),
            rich_text("Move updates into writing and use meeting time for problems members bring."),
            heading("5. New members do not stay"),
            rich_text(
                "Check how newcomers are welcomed. A buddy and a plain-English introduction to the network "
                "make a big difference."
            ),
            quote(
                "We stopped the network for three months and asked members whether they missed it. They did, "
                "and they told us exactly what they wanted back.",
                "Chair of an improvement network",
            ),
        ],
    },
    {
        "slug": "why-networks-should-share-their-failures",
        "title": "Why networks should share their failures",
        "resource_type": ResourceType.ARTICLE,
        "summary": "Networks are good at sharing success stories. This article argues they would learn faster "
        "by sharing what did not work, and suggests safe ways to do it.",
        "topics": [IMPROVEMENT, EVALUATION],
        "sectors": ["health", "education"],
        "source_organisation": "Institute for Collaborative Health",
        "author": "Dr Imran Choudhury-Wells",
        "publication_date": date(2025, 7, 14),
        "external_url": "",
        "review_by_days": 270,
        "featured": False,
        "body": [
            rich_text(
                "Conferences and newsletters are full of success stories. Yet most improvement projects do "
                "not go to plan, and the reasons they stall are often the most useful things another team "
                "could learn."
            ),
            heading("Why failure goes unshared"),
            rich_text(
                "People worry about their reputation, their organisation's reputation and their funding. "
                "Networks can help because they sit outside any single organisation's hierarchy."
            ),
            heading("Safe ways to share"),
            rich_text(
                ul(
                    "Hold regular “what did not work” sessions under agreed confidentiality rules",
                    "Write short anonymous case notes that focus on the system, not individuals",
                    "Ask leaders to go first by sharing their own mistakes",
                    "Celebrate stopping a project that was not working as a good decision",
                )
            ),
            quote(
                "The most useful session we ever ran was called “Things we tried that flopped”. It was "
                "also the best attended.",
                "Lead of a school nursing improvement network",
            ),
        ],
    },
    {
        "slug": "small-budgets-big-reach",
        "title": "Small budgets, big reach: how a voluntary sector alliance stretched its funding",
        "resource_type": ResourceType.ARTICLE,
        "summary": "How an alliance of small charities kept a network running on a few thousand pounds a year "
        "by sharing roles, borrowing venues and putting members' time to good use.",
        "topics": [FUNDING, ENGAGEMENT],
        "sectors": ["voluntary-community", "local-government"],
        "source_organisation": "Ashdale Council for Voluntary Service",
        "author": "Amara Okafor-Bright",
        "publication_date": date(2023, 5, 30),
        "external_url": "",
        "review_by_days": 100,
        "featured": False,
        "body": [
            rich_text(
                "When its grant ended, an alliance of 60 small charities had enough money for a part-time "
                "coordinator for one day a week and little else. Three years later it is still going, and "
                "it has more members than before."
            ),
            heading("What they did"),
            rich_text(
                ul(
                    "Rotated the chair and note-taking between member organisations",
                    "Met in members' buildings and a council meeting room at no cost",
                    "Asked each member to lead one piece of shared work a year",
                    "Put the coordinator's day into connecting people rather than running meetings",
                )
            ),
            inset(
                "The alliance keeps a simple list of what each member has offered. It helps new members "
                "see that everyone contributes something."
            ),
            heading("What they would do differently"),
            rich_text(
                "Members said they would have started planning for the end of the grant much earlier, and "
                "would have asked the council for a small contribution in return for the alliance's advice "
                "on local funding decisions."
            ),
        ],
    },
    {
        "slug": "young-peoples-mental-health-network",
        "title": "Schools, GPs and youth workers: building a network around young people's mental health",
        "resource_type": ResourceType.ARTICLE,
        "summary": "A school nurse describes how a local network brought together schools, GP practices, "
        "youth workers and children's mental health services, and what changed for young people.",
        "topics": [SYSTEM, INEQUALITIES],
        "sectors": ["education", "public-health", "health"],
        "source_organisation": "Harbourton Schools Partnership",
        "author": "Fiona Larkspur",
        "publication_date": date(2026, 9, 21),
        "external_url": "https://example.org/articles/young-peoples-mental-health",
        "review_by_days": 480,
        "featured": False,
        "body": [
            rich_text(
                "Three years ago, a teacher worried about a pupil's mental health in our area had two "
                "options: refer to a service with a long waiting list, or wait and hope. Neither was good "
                "enough. So a few of us started meeting."
            ),
            image(
                "Young people's mental health network",
                "Abstract illustration of white circles and lines on a dark pink background, suggesting "
                "schools, GP practices and youth services linked together.",
                "The network now includes 14 schools, 6 GP practices and 3 youth organisations.",
                NHS_DARK_PINK,
            ),
            heading("How it started"),
            rich_text(
                "The first meeting was four people in a school staff room: me, a GP, a youth worker and a "
                "clinician from the local children's mental health service. We agreed to meet every half "
                "term and to invite one more person each time."
            ),
            heading("What we do now"),
            rich_text(
                ul(
                    "A monthly consultation slot where school staff can talk through a concern with a clinician",
                    "Shared training for school staff and youth workers",
                    "A simple guide for families on where to get help, written with young people",
                )
            ),
            quote(
                "I used to feel I was holding worries on my own. Now I can pick up the phone to someone "
                "who knows the young person too.",
                "Pastoral lead, secondary school",
            ),
            heading("What changed"),
            rich_text(
                "Referrals that were turned away because they did not meet the threshold have fallen, and "
                "staff say they feel more confident. Most importantly, young people tell us they were "
                "listened to sooner."
            ),
        ],
    },
    {
        "slug": "succession-planning-for-networks",
        "title": "Handing over leadership: succession planning for networks",
        "resource_type": ResourceType.GUIDE,
        "summary": "Many networks depend on one committed person. This guide helps you share leadership, "
        "develop future leaders and hand over well, so the network outlasts any individual.",
        "topics": [LEADERSHIP, FUNDING],
        "sectors": ["social-care", "health"],
        "source_organisation": "Institute for Collaborative Health",
        "author": "Gareth Penhallow",
        "publication_date": date(2024, 3, 25),
        "external_url": "",
        "review_by_days": 170,
        "featured": False,
        "body": [
            rich_text(
                "When a network's founder moves on, the network often fades. Succession planning is not "
                "only about finding a replacement: it is about spreading leadership so the network never "
                "depends on one person."
            ),
            heading("Share leadership from the start"),
            rich_text(
                ul(
                    "Appoint a deputy or co-chair, ideally from a different organisation or profession",
                    "Give members lead roles for pieces of work, with real responsibility",
                    "Write down how things are done, from the mailing list to relationships with funders",
                )
            ),
            heading("Planning a handover"),
            rich_text(
                "Give at least six months' notice if you can. Introduce your successor to key contacts in "
                "person, and stay available for questions for a few months after you step down, without "
                "taking back the reins."
            ),
            quote(
                "I thought handing over would feel like a loss. It felt like proof that we had built something real.",
                "Former chair, social care leadership network",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Case studies. Each section is a short run of paragraphs; related_resources are resource slugs.
# ---------------------------------------------------------------------------------------------


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


CASE_STUDIES = [
    {
        "slug": "northshire-stroke-network-shared-protocols",
        "title": "Northshire stroke network: faster treatment through shared protocols",
        "summary": "How a clinical network of six hospitals and the ambulance service cut the time to "
        "clot-busting treatment by agreeing one protocol and reviewing every case together.",
        "network_name": "Northshire Stroke Network",
        "network_type": NetworkType.CLINICAL,
        "region": "north-east-yorkshire",
        "sectors": ["health"],
        "topics": [IMPROVEMENT, SYSTEM, EVALUATION],
        "challenge": paragraphs(
            "Six hospitals in Northshire each treated stroke in their own way. The time from arriving at "
            "hospital to receiving clot-busting treatment varied from 40 minutes at the fastest site to "
            "more than 80 at the slowest, and patients arriving at night waited longest.",
            "Each hospital had tried to improve on its own, but staff moved between sites and found the "
            "differences confusing.",
        ),
        "what_the_network_did": paragraphs(
            "The network brought together stroke consultants, nurses, radiographers and paramedics from "
            "all six hospitals and the ambulance service. Over six months they agreed a single protocol, "
            "from the ambulance pre-alert to the decision to treat.",
            "Every case where treatment took longer than the target was reviewed at a monthly online "
            "meeting, without blame, to find out what got in the way. Sites took turns to test changes "
            "and report back.",
        ),
        "impact": paragraphs(
            "Within 18 months the median time from arrival to treatment across the network fell from 64 "
            "to 47 minutes, and the gap between day and night shrank by half. Staff moving between sites "
            "now find the same process wherever they work.",
        ),
        "lessons_learned": paragraphs(
            "Involving paramedics from the start was essential: the biggest gains came from better "
            "pre-alerts. Reviewing cases together built trust between sites that had previously seen "
            "each other as competitors.",
            "The network also learned to celebrate small improvements, which kept people engaged through "
            "the months when the overall figures barely moved.",
        ),
        "next_steps": paragraphs(
            "The network is now applying the same approach to rehabilitation after stroke, working with "
            "community therapy teams and social care.",
        ),
        "key_facts": [
            ("Members", "6 hospitals and 1 ambulance service"),
            ("Median time to treatment", "Down from 64 to 47 minutes"),
            ("Case reviews held", "More than 200 in 18 months"),
        ],
        "quote": (
            "Reviewing cases together changed the conversation from “your hospital is slow” to “what can "
            "we learn from this one?”.",
            "Stroke consultant and network clinical lead",
        ),
        "contact_role": "Network clinical lead",
        "publication_date": date(2025, 4, 3),
        "related_resources": [
            "networks-and-unwarranted-variation",
            "evaluating-your-network-toolkit",
            "introduction-to-quality-improvement-video",
        ],
    },
    {
        "slug": "westmoor-care-homes-community-of-practice",
        "title": "Westmoor care homes community of practice: managers learning from each other",
        "summary": "A community of practice for care home managers that began as a winter support call and "
        "grew into a trusted space for sharing problems, ideas and staff training.",
        "network_name": "Westmoor Care Homes Community of Practice",
        "network_type": NetworkType.COMMUNITY_OF_PRACTICE,
        "region": "north-west",
        "sectors": ["social-care", "health"],
        "topics": [ENGAGEMENT, FACILITATION, DIGITAL],
        "challenge": paragraphs(
            "Care home managers in Westmoor often felt isolated. Most ran small independent homes, had "
            "little contact with each other and heard about changes in NHS services late, if at all.",
            "Staff turnover was high and training budgets were small.",
        ),
        "what_the_network_did": paragraphs(
            "The local community health trust started a fortnightly online call for managers during a "
            "difficult winter. When the winter ended, managers asked for it to continue, and a community "
            "of practice took shape.",
            "Managers now set the agenda. The calls mix short problem-solving sessions with occasional "
            "guests, such as a pharmacist or a safeguarding lead. Members share training sessions, so a "
            "course run by one home is open to staff from others.",
        ),
        "impact": paragraphs(
            "More than 70 of the area's 90 care homes have taken part. Managers report feeling less alone, "
            "and shared training has reached over 600 care staff. The community has also given care homes "
            "a collective voice in local planning for hospital discharge.",
        ),
        "lessons_learned": paragraphs(
            "Handing control to members early was the turning point. Attendance rose once managers, not "
            "the trust, chose the topics. A simple online space for sharing documents mattered more than "
            "any sophisticated platform.",
        ),
        "next_steps": paragraphs(
            "Members want to set up peer visits between homes and a mentoring scheme for new managers.",
        ),
        "key_facts": [
            ("Care homes taking part", "More than 70"),
            ("Care staff reached by shared training", "Over 600"),
        ],
        "quote": (
            "For the first time I had people to ring who understood exactly what my day was like.",
            "Registered manager of a 30-bed care home",
        ),
        "contact_role": "Community of practice facilitator",
        "publication_date": date(2024, 12, 9),
        "related_resources": [
            "member-engagement-toolkit",
            "webinar-hosting-online-communities",
            "meeting-plan-and-action-log",
        ],
    },
    {
        "slug": "ashdale-voluntary-sector-alliance",
        "title": "Ashdale Voluntary Sector Alliance: one voice for 140 charities",
        "summary": "How small charities in Ashdale formed an alliance to speak with one voice to health and "
        "council leaders, and kept it going after the start-up funding ended.",
        "network_name": "Ashdale Voluntary Sector Alliance",
        "network_type": NetworkType.VOLUNTARY_ALLIANCE,
        "region": "midlands",
        "sectors": ["voluntary-community", "local-government"],
        "topics": [FUNDING, GOVERNANCE, ENGAGEMENT],
        "challenge": paragraphs(
            "Ashdale has around 140 charities and community groups working on health and wellbeing, most "
            "with fewer than ten staff. Health and council leaders wanted to involve them in planning, but "
            "could not talk to 140 organisations separately, and the groups had no shared voice.",
        ),
        "what_the_network_did": paragraphs(
            "With a two-year grant, the local council for voluntary service set up an alliance open to any "
            "voluntary or community group. Members elected a small steering group and agreed a charter.",
            "The alliance nominated representatives to the integrated care partnership and held open "
            "meetings before each partnership meeting, so representatives could speak for the wider "
            "membership. When the grant ended, members agreed small contributions based on their size, "
            "and the council agreed to fund a part-time coordinator.",
        ),
        "impact": paragraphs(
            "The alliance now has two seats on the integrated care partnership. Its members helped design "
            "a social prescribing service, and voluntary groups received a larger share of local "
            "prevention funding than in previous years.",
        ),
        "lessons_learned": paragraphs(
            "Representatives need a clear mandate from members, and members need to hear back after each "
            "meeting. Rotating the chair stopped the alliance becoming identified with any one charity.",
        ),
        "next_steps": paragraphs(
            "The alliance plans to run a diagnostic with its members to check it is still meeting their "
            "needs, and to bring in more groups led by people from minority ethnic communities.",
        ),
        "key_facts": [
            ("Member organisations", "140"),
            ("Seats on the integrated care partnership", "2"),
            ("Founded", "2021"),
            ("Coordinator time", "3 days a week"),
        ],
        "quote": None,
        "contact_role": "Alliance coordinator",
        "publication_date": date(2025, 7, 21),
        "related_resources": [
            "funding-a-network-beyond-first-grant",
            "webinar-making-the-case-for-continued-funding",
            "small-budgets-big-reach",
        ],
    },
    {
        "slug": "eastmere-coast-mental-health-provider-collaborative",
        "title": "Eastmere Coast mental health provider collaborative: bringing care closer to home",
        "summary": "How NHS trusts, a social enterprise and two charities worked as a provider collaborative to "
        "bring people in out-of-area mental health placements closer to home.",
        "network_name": "Eastmere Coast Mental Health Provider Collaborative",
        "network_type": NetworkType.PROVIDER_COLLABORATIVE,
        "region": "east-of-england",
        "sectors": ["health", "social-care", "voluntary-community"],
        "topics": [SYSTEM, GOVERNANCE, INEQUALITIES],
        "challenge": paragraphs(
            "Too many people from the Eastmere Coast area needing specialist mental health care were placed "
            "in hospitals more than 100 miles from home. Families struggled to visit, and discharge was "
            "slower because local teams did not know the person.",
        ),
        "what_the_network_did": paragraphs(
            "Two mental health trusts, a social enterprise providing supported housing and two local "
            "charities formed a provider collaborative. They pooled their knowledge of every person in an "
            "out-of-area placement and met weekly to plan each person's route home.",
            "The collaborative agreed a governance framework setting out who decides what, and invested "
            "savings from fewer out-of-area placements in community crisis support and supported housing.",
        ),
        "impact": paragraphs(
            "Out-of-area placements fell by 60% over two years. People now spend less time in hospital and "
            "more of them return to their own communities. Savings have paid for a new crisis house run by "
            "one of the charities.",
        ),
        "lessons_learned": paragraphs(
            "The weekly meeting about named people kept the work real. Including voluntary sector partners "
            "as full members, not just suppliers, brought skills the trusts did not have. Clear governance "
            "took time to agree, but avoided disputes later.",
        ),
        "next_steps": paragraphs(
            "The collaborative is extending its approach to eating disorder services and looking at why "
            "young men from some communities reach services only in crisis.",
        ),
        "key_facts": [
            ("Out-of-area placements", "Down 60% in two years"),
            ("Partners", "2 NHS trusts, 1 social enterprise, 2 charities"),
            ("New services", "A community crisis house"),
        ],
        "quote": (
            "We stopped talking about beds and started talking about people, by name, every week.",
            "Director of the provider collaborative",
        ),
        "contact_role": "Collaborative programme director",
        "publication_date": date(2026, 1, 19),
        "related_resources": [
            "webinar-provider-collaboratives-and-clinical-networks",
            "network-governance-guide",
            "network-charter-template",
        ],
    },
    {
        "slug": "riverside-housing-and-health-network-damp-and-mould",
        "title": "Riverside housing and health network: tackling damp and mould together",
        "summary": "Housing providers, GP practices, health visitors and the council in a London borough formed a "
        "network to find and fix damp and mouldy homes affecting children's health.",
        "network_name": "Riverside Housing and Health Network",
        "network_type": NetworkType.OTHER,
        "region": "london",
        "sectors": ["housing", "public-health", "local-government", "health"],
        "topics": [INEQUALITIES, SYSTEM],
        "challenge": paragraphs(
            "GPs and health visitors in Riverside were seeing children with repeated chest infections and "
            "asthma attacks linked to damp and mould at home. Families had reported the problems to their "
            "landlords, but repairs were slow and health staff did not know who to contact.",
        ),
        "what_the_network_did": paragraphs(
            "The council's public health team brought together three housing associations, the council's "
            "housing service, GP practices and the health visiting service. They agreed a simple referral "
            "route: any health professional worried about a home can refer it to a single housing contact.",
            "Housing and health staff carried out joint visits for the most serious cases, and the network "
            "met monthly to track every referral until the repair was done.",
        ),
        "impact": paragraphs(
            "In its first year the network received over 400 referrals. The average time to complete "
            "repairs fell from months to weeks, and GP practices report fewer repeat appointments for "
            "affected children. Families say they finally felt someone was listening.",
        ),
        "lessons_learned": paragraphs(
            "A single named contact in each organisation made the biggest difference. Housing staff valued "
            "hearing directly from clinicians about the effect on children's health, which helped them "
            "prioritise repairs.",
        ),
        "next_steps": paragraphs(
            "The network is extending referrals to private rented homes with the council's environmental "
            "health team, and adding advice on heating costs.",
        ),
        "key_facts": [
            ("Referrals in the first year", "Over 400"),
            ("Partners", "3 housing associations, the council, GP practices and health visitors"),
        ],
        "quote": (
            "A letter from a GP about a child's breathing gets a repair moving in a way that a tenant's "
            "complaint too often does not. That should not be true, but while it is, we use it.",
            "Public health lead, Riverside",
        ),
        "contact_role": "Public health lead for housing",
        "publication_date": date(2025, 10, 27),
        "related_resources": [
            "housing-and-health-partnerships-evidence",
            "podcast-networks-in-housing-and-homelessness",
            "networks-and-neighbourhood-health",
        ],
    },
    {
        "slug": "kingsmere-school-nursing-improvement-network",
        "title": "Kingsmere school nursing improvement network: testing small changes together",
        "summary": "School nurses from four teams used a shared improvement approach to make it easier for "
        "pupils to get help with their emotional health, testing changes in different schools at once.",
        "network_name": "Kingsmere School Nursing Improvement Network",
        "network_type": NetworkType.IMPROVEMENT,
        "region": "south-east",
        "sectors": ["education", "health", "public-health"],
        "topics": [IMPROVEMENT, EVALUATION],
        "challenge": paragraphs(
            "School nurses in Kingsmere saw a rise in pupils asking for help with anxiety and low mood, but "
            "drop-in sessions were poorly attended and many pupils did not know the service existed.",
        ),
        "what_the_network_did": paragraphs(
            "Four school nursing teams formed an improvement network with support from the local improvement "
            "team. Each team tested small changes in its own schools, such as a text messaging service, "
            "drop-ins at lunchtime rather than in lessons, and posters designed by pupils.",
            "Teams met every six weeks to compare run charts and decide which changes to adopt more widely.",
        ),
        "impact": paragraphs(
            "Contacts from pupils about emotional health more than doubled over a school year. The text "
            "service proved the most popular change and is now offered in every secondary school in the "
            "area.",
        ),
        "lessons_learned": paragraphs(
            "Testing different changes in parallel meant the network learned four times as fast as one "
            "team would have. Pupils' ideas often worked better than staff's.",
        ),
        "next_steps": paragraphs(
            "The network plans to test changes in primary schools and to work with youth services on "
            "support during school holidays.",
        ),
        "key_facts": [
            ("School nursing teams", "4"),
            ("Contacts about emotional health", "More than doubled in a year"),
            ("Changes tested", "17"),
        ],
        "quote": None,
        "contact_role": "School nursing team leader",
        "publication_date": date(2024, 9, 16),
        "related_resources": [
            "introduction-to-quality-improvement-video",
            "why-networks-should-share-their-failures",
            "young-peoples-mental-health-network",
        ],
    },
    {
        "slug": "brackenmoor-rural-palliative-care-network",
        "title": "Brackenmoor rural palliative care network: support at the end of life, wherever people live",
        "summary": "How a clinical network connected hospices, GP practices, community nurses and volunteers "
        "across a large rural area so that people could die where they chose.",
        "network_name": "Brackenmoor Palliative Care Network",
        "network_type": NetworkType.CLINICAL,
        "region": "south-west",
        "sectors": ["health", "social-care", "voluntary-community"],
        "topics": [LEADERSHIP, DIGITAL, INEQUALITIES],
        "challenge": paragraphs(
            "In the rural Brackenmoor area, people at the end of their lives were often admitted to hospital "
            "in their last days, even when they wanted to die at home. Out-of-hours help was hard to reach "
            "and teams covering large distances rarely met.",
        ),
        "what_the_network_did": paragraphs(
            "A hospice consultant and a community nurse set up a clinical network with GP practices, two "
            "hospices, community nursing teams, the out-of-hours service and a volunteer befriending charity.",
            "Members agreed a shared record of each person's wishes that out-of-hours clinicians could see, "
            "and set up a weekly online meeting where teams discussed people approaching the end of life. "
            "Volunteers were trained to support carers in remote villages.",
        ),
        "impact": paragraphs(
            "The proportion of people dying in their preferred place rose from just over half to three in "
            "four. Carers reported feeling better supported, and emergency admissions in the last month of "
            "life fell.",
        ),
        "lessons_learned": paragraphs(
            "The online meeting made the network possible across such a large area, but an annual "
            "face-to-face day kept relationships strong. Leadership was shared between a doctor and a "
            "nurse, which helped every profession feel ownership.",
        ),
        "next_steps": paragraphs(
            "The network is working with care homes and with local farming charities to reach people who are isolated.",
        ),
        "key_facts": [
            ("People dying in their preferred place", "Up from 54% to 76%"),
            ("Area covered", "About 1,200 square miles"),
            ("Trained volunteers", "45"),
        ],
        "quote": (
            "My mum was at home, with the view she loved, and we were never left wondering who to call.",
            "Daughter of a patient supported by the network",
        ),
        "contact_role": "Network coordinator",
        "publication_date": date(2026, 3, 30),
        "related_resources": [
            "leading-without-authority-video",
            "choosing-digital-tools-dispersed-network",
            "health-inequalities-toolkit-clinical-networks",
        ],
    },
    {
        "slug": "network-managers-community-of-practice",
        "title": "A national community of practice for network managers",
        "summary": "Network managers from across England built a peer community to share what works, tackle "
        "common problems and develop in a role that often has no obvious career path.",
        "network_name": "Network Managers' Community of Practice",
        "network_type": NetworkType.COMMUNITY_OF_PRACTICE,
        "region": "england",
        "sectors": ["other", "health"],
        "topics": [LEADERSHIP, FACILITATION, ENGAGEMENT],
        "challenge": paragraphs(
            "Network managers and coordinators often work alone or in very small teams. Many are on "
            "fixed-term contracts, and few have had training for a role that combines project management, "
            "facilitation and diplomacy.",
        ),
        "what_the_network_did": paragraphs(
            "A small group of managers started a monthly online session to share problems. It grew into a "
            "national community with an online discussion space, themed learning sets and an annual "
            "gathering.",
            "Members wrote a shared description of the network manager role and a development framework, "
            "which several employers now use when recruiting.",
        ),
        "impact": paragraphs(
            "The community has more than 300 members from clinical networks, collaboratives and voluntary "
            "sector alliances. Members say it has helped them solve problems faster and feel more confident "
            "in their role, and several have used the framework to make the case for permanent posts.",
        ),
        "lessons_learned": paragraphs(
            "Keeping the community led by members, not by any one organisation, built trust. Themed learning "
            "sets of six to eight people worked better for deep problems than large open sessions.",
        ),
        "next_steps": paragraphs(
            "The community is developing a mentoring scheme pairing experienced and new network managers.",
        ),
        "key_facts": [
            ("Members", "More than 300"),
            ("Learning sets run", "22"),
        ],
        "quote": (
            "I found out that every problem I thought was mine alone had already been solved by someone "
            "in another region.",
            "Manager of a regional critical care network",
        ),
        "contact_role": "Community convenor",
        "publication_date": date(2026, 5, 11),
        "related_resources": [
            "podcast-quiet-work-of-network-coordinators",
            "facilitators-guide-network-meetings",
            "succession-planning-for-networks",
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# Events. days_from_today and the start and end times are UK time (Europe/London).
# ---------------------------------------------------------------------------------------------

EVENTS = [
    {
        "slug": "webinar-evaluating-your-network-on-a-shoestring",
        "title": "Webinar: evaluating your network on a shoestring",
        "summary": "A practical webinar on showing what difference your network makes with little time and no "
        "evaluation budget, with examples from three networks.",
        "days_from_today": 10,
        "start_time": (10, 0),
        "end_time": (12, 0),
        "attendance": "online",
        "address": "",
        "booking_url": "https://example.org/events/evaluating-on-a-shoestring",
        "topics": [EVALUATION],
        "body": [
            rich_text(
                "Funders, hosts and members all want to know whether a network is making a difference, but "
                "few networks have money for evaluation. This webinar shows how to build a proportionate "
                "evaluation using a simple logic model, a few measures and members' stories."
            ),
            heading("You will hear from"),
            rich_text(
                ul(
                    "a public health analyst on choosing measures that mean something",
                    "the coordinator of a care homes community of practice on collecting members' stories",
                    "a clinical network manager on presenting results to a board",
                )
            ),
            inset("The webinar will be recorded and added to the resource library. Captions will be available."),
        ],
    },
    {
        "slug": "network-leaders-gathering-northshire",
        "title": "Network leaders' gathering: Northshire",
        "summary": "A day for leaders and coordinators of networks in every sector to meet, share what is "
        "working and take away ideas for their own networks. Lunch is provided.",
        "days_from_today": 24,
        "start_time": (9, 30),
        "end_time": (16, 0),
        "attendance": "in-person",
        "address": "Northshire Conference Centre\n12 Mill Lane\nNorthshire\nNS1 4AB",
        "booking_url": "https://example.org/events/leaders-gathering-northshire",
        "topics": [LEADERSHIP, FACILITATION, ENGAGEMENT],
        "body": [
            rich_text(
                "This gathering is a chance to step away from the day job and spend time with people who "
                "understand what it is like to lead a network. Most of the day is given to conversations "
                "that participants choose on the day."
            ),
            heading("The day"),
            rich_text(
                ul(
                    "9:30: arrival and coffee",
                    "10:00: welcome and introductions",
                    "10:30: open space sessions chosen by participants",
                    "12:30: lunch",
                    "13:30: peer consulting in small groups",
                    "15:30: what will you take back? Close at 16:00",
                )
            ),
            inset(
                "The venue is step-free and has a hearing loop and a quiet room. Tell us about any access "
                "or dietary needs when you book."
            ),
        ],
    },
    {
        "slug": "health-inequalities-and-networks-workshop",
        "title": "Health inequalities and networks: a workshop",
        "summary": "A hands-on workshop, in Ashdale and online, for networks that want to find and act on "
        "inequalities in access, experience and outcomes, with community partners.",
        "days_from_today": 45,
        "start_time": (13, 0),
        "end_time": (16, 30),
        "attendance": "hybrid",
        "address": "Ashdale Community Hub\n4 Station Road\nAshdale\nAD2 7QP",
        "booking_url": "https://example.org/events/inequalities-workshop",
        "topics": [INEQUALITIES, SYSTEM],
        "body": [
            rich_text(
                "Bring a question about inequalities your network is grappling with. In small groups, "
                "participants will work through the data their networks already hold, plan how to hear "
                "from under-served communities and choose one change to test."
            ),
            rich_text(
                "You can join us in person at the Ashdale Community Hub or online. Online participants "
                "will work in their own breakout groups with a facilitator."
            ),
            quote(
                "Data tells you where to look. Communities tell you what you are looking at.",
                "One of the workshop facilitators",
            ),
        ],
    },
    {
        "slug": "webinar-getting-started-with-the-network-health-check",
        "title": "Webinar: getting started with the network health check",
        "summary": "An introduction to running the network health check diagnostic with your members, reading "
        "the results together and turning them into a plan.",
        "days_from_today": -20,
        "start_time": (14, 0),
        "end_time": (15, 0),
        "attendance": "online",
        "address": "",
        "booking_url": "https://example.org/events/health-check-webinar",
        "topics": [EVALUATION, LEADERSHIP],
        "body": [
            rich_text(
                "This one-hour webinar walked through the network health check: how to open a round for "
                "your network, how members' answers stay anonymous, and how to run a session to discuss "
                "the results."
            ),
            inset("A recording of this webinar will be added to the resource library."),
        ],
    },
    {
        "slug": "facilitation-skills-masterclass",
        "title": "Facilitation skills masterclass",
        "summary": "A full-day masterclass for network leaders and coordinators on facilitating meetings where "
        "nobody is in charge: designing conversations, handling conflict and reaching decisions.",
        "days_from_today": -60,
        "start_time": (9, 30),
        "end_time": (16, 30),
        "attendance": "in-person",
        "address": "Riverford Civic Centre\nCommittee Room 2\nHigh Street\nRiverford\nRF3 9XY",
        "booking_url": "https://example.org/events/facilitation-masterclass",
        "topics": [FACILITATION, ENGAGEMENT],
        "body": [
            rich_text(
                "Participants practised facilitation methods for network meetings in small groups, with "
                "feedback from experienced facilitators. Topics included building agendas around "
                "questions, bringing in quieter voices and helping a group reach a decision."
            ),
            rich_text("Materials from the day are in the facilitator's guide in the resource library."),
        ],
    },
    {
        "slug": "launch-state-of-networks-report",
        "title": "Launch: the state of health and care networks report",
        "summary": "The launch of our survey of 410 network leaders, with a panel discussion on funding, "
        "leadership and what networks need next. Held in London and streamed online.",
        "days_from_today": -120,
        "start_time": (11, 0),
        "end_time": (12, 30),
        "attendance": "hybrid",
        "address": "Example House Meeting Rooms\n20 Example Street\nLondon\nWC9 9ZZ",
        "booking_url": "https://example.org/events/state-of-networks-launch",
        "topics": [LEADERSHIP, FUNDING, SYSTEM],
        "body": [
            rich_text(
                "The authors presented the main findings of the report, followed by a panel of network "
                "leaders from health, social care and the voluntary sector, and questions from the audience "
                "in the room and online."
            ),
            quote(
                "Networks are the connective tissue of health and care. This report shows how thinly "
                "stretched that tissue is.",
                "Panel member, voluntary sector alliance chair",
            ),
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# The home page's featured items, in order: three resources, then two case studies.
# ---------------------------------------------------------------------------------------------

HOME_FEATURED_RESOURCES = [
    "state-of-health-and-care-networks-2025",
    "starting-a-network-first-100-days",
    "how-networks-create-value-evidence-review",
]
HOME_FEATURED_CASE_STUDIES = [
    "northshire-stroke-network-shared-protocols",
    "riverside-housing-and-health-network-damp-and-mould",
]

# ---------------------------------------------------------------------------------------------
# The password of every demo account (staff and members). Development only: the demo commands
# refuse to run unless DEBUG is on or --force is given.
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105

# Demo accounts, for development only.
# ---------------------------------------------------------------------------------------------

DEMO_ACCOUNTS = [
    {
        "username": "editor",
        "email": "editor@example.org",
        "first_name": "Esme",
        "last_name": "Editor",
        "groups": ["Editors"],
        "is_superuser": False,
    },
    {
        "username": "moderator",
        "email": "moderator@example.org",
        "first_name": "Morgan",
        "last_name": "Moderator",
        "groups": ["Moderators"],
        "is_superuser": False,
    },
    {
        "username": "admin",
        "email": "admin@example.org",
        "first_name": "Alex",
        "last_name": "Admin",
        "groups": ["Administrators"],
        "is_superuser": True,
    },
]
