"""Hostile text for every field that stores member or editor text (tests/security/test_xss.py).

Each payload, if a page ever ran it, would call `window.__xss()`: the browser test defines that
hook and checks it is never called. Grouped by the trick they try; one per line."""

HOOK = "__xss()"

SCRIPT_TAGS = [
    "<script>__xss()</script>",
    "<SCRIPT>__xss()</SCRIPT>",
    "<script src=data:,__xss()></script>",
    "<script/src=data:text/javascript,__xss()></script>",
    "<script\n>__xss()</script\n>",
    "<scr<script>ipt>__xss()</scr</script>ipt>",
    "<script>/*</script><script>*/__xss()</script>",
    "<<script>__xss();//<</script>",
    "<script type=module>__xss()</script>",
    "<script>eval('__x'+'ss()')</script>",
    "</script><script>__xss()</script>",
    '<noscript><p title="</noscript><img src=x onerror=__xss()>">',
]
EVENT_HANDLERS = [
    "<img src=x onerror=__xss()>",
    "<img src=x onerror='__xss()'>",
    '<img src="x" onerror="__xss()" alt="">',
    "<IMG SRC=x ONERROR=__xss()>",
    "<img src=x:y onerror=__xss()//",
    "<img/src=x/onerror=__xss()>",
    "<img src=x\tonerror=__xss()>",
    "<img src=x\nonerror=__xss()>",
    "<image src=x onerror=__xss()>",
    "<body onload=__xss()>",
    "<body onpageshow=__xss()>",
    "<div onmouseover=__xss()>hover me</div>",
    "<p onclick=__xss()>click me</p>",
    "<button onfocus=__xss() autofocus>b</button>",
    "<input onfocus=__xss() autofocus>",
    "<select autofocus onfocus=__xss()></select>",
    "<textarea autofocus onfocus=__xss()></textarea>",
    "<details open ontoggle=__xss()><summary>s</summary></details>",
    "<video src=x onerror=__xss()></video>",
    "<audio src=x onerror=__xss()></audio>",
    "<video><source onerror=__xss()></video>",
    "<iframe onload=__xss()></iframe>",
    "<style onload=__xss()></style>",
    "<marquee onstart=__xss()>m</marquee>",
    "<object data=x onerror=__xss()></object>",
    "<a onmouseover=__xss() href=#>link</a>",
    "<form><button formaction=javascript:__xss()>go</button></form>",
    "<x contenteditable onfocus=__xss() autofocus>x</x>",
    '<div style="animation-name:spin" onanimationstart=__xss()>a</div>',
    "<img src=x onerror=&#95;&#95;xss()>",
]
DANGEROUS_URLS = [
    '<a href="javascript:__xss()">link</a>',
    '<a href="JaVaScRiPt:__xss()">link</a>',
    '<a href=" javascript:__xss()">link</a>',
    '<a href="java\tscript:__xss()">link</a>',
    '<a href="java&#x0A;script:__xss()">link</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:__xss()">link</a>',
    '<a href="javascript&colon;__xss()">link</a>',
    '<a href="data:text/html,<script>__xss()</script>">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+">link</a>',
    '<a href="vbscript:__xss()">link</a>',
    '<img src="javascript:__xss()">',
    '<iframe src="javascript:__xss()"></iframe>',
    '<iframe srcdoc="&lt;script&gt;parent.__xss()&lt;/script&gt;"></iframe>',
    '<embed src="javascript:__xss()">',
    '<object data="javascript:__xss()"></object>',
    '<form action="javascript:__xss()"><input type=submit></form>',
    '<base href="javascript:__xss()//">',
    '<meta http-equiv="refresh" content="0;url=javascript:__xss()">',
    '<link rel="import" href="data:text/html,<script>__xss()</script>">',
    "javascript:__xss()",
    "https://example.org/?q=<script>__xss()</script>",
]
SVG_AND_MATHML = [
    "<svg onload=__xss()>",
    "<svg><script>__xss()</script></svg>",
    "<svg><animate onbegin=__xss() attributeName=x dur=1s>",
    '<svg><a href="javascript:__xss()"><text x=9 y=9>svg link</text></a></svg>',
    '<svg><use href="data:image/svg+xml,<svg id=x onload=__xss()/>#x"/></svg>',
    "<svg><foreignObject><img src=x onerror=__xss()></foreignObject></svg>",
    '<svg><set attributeName="onload" to="__xss()"/></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss()>",
    '<math href="javascript:__xss()">math</math>',
    "<math><maction actiontype=statusline xlink:href=javascript:__xss()>m</maction></math>",
    "<svg><style><img src=x onerror=__xss()></style></svg>",
]
ATTRIBUTE_BREAKING = [
    '"><script>__xss()</script>',
    "'><script>__xss()</script>",
    '" onmouseover="__xss()',
    "' onfocus='__xss()' autofocus='",
    '" autofocus onfocus="__xss()',
    "</title><script>__xss()</script>",
    "</textarea><script>__xss()</script>",
    "</style><script>__xss()</script>",
    "--><script>__xss()</script>",
    '<!--<img src="--><img src=x onerror=__xss()//">',
    '`"><img src=x onerror=__xss()>',
    "</option></select><img src=x onerror=__xss()>",
]
MARKDOWN = [
    "[click](javascript:__xss())",
    "[click](JAVASCRIPT:__xss())",
    "[click](javascript&#58;__xss())",
    "[click](&#x6a;avascript:__xss())",
    "[click](<javascript:__xss()>)",
    "[click]( javascript:__xss())",
    "[click](data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+)",
    "![picture](javascript:__xss())",
    '![picture](x" onerror="__xss())',
    '[link](https://example.org "title" onclick=__xss())',
    "[ref]\n\n[ref]: javascript:__xss()",
    "<javascript:__xss()>",
    "[a](https://example.org)<img src=x onerror=__xss()>",
    "**bold <img src=x onerror=__xss()>**",
    "> quote <script>__xss()</script>",
    "- item\n- <svg onload=__xss()>",
    "```\n</code><script>__xss()</script>\n```",
    "`</code><img src=x onerror=__xss()>`",
    "# Heading <img src=x onerror=__xss()>",
    "[![img](x)](javascript:__xss())",
]
ENCODED = [
    "&lt;script&gt;__xss()&lt;/script&gt;",
    "%3Cscript%3E__xss()%3C%2Fscript%3E",
    "\\u003cscript\\u003e__xss()\\u003c/script\\u003e",
    "\\x3cscript\\x3e__xss()\\x3c/script\\x3e",
    "&#60;script&#62;__xss()&#60;/script&#62;",
    "&#x3C;img src=x onerror=__xss()&#x3E;",
    "PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+",
    "+ADw-script+AD4-__xss()+ADw-/script+AD4-",
]
TEMPLATES = [
    "{{ 7*7 }}",
    "{% debug %}",
    "{% load static %}{% static 'x' %}",
    "{{ request.user.password }}",
    "{{ settings.SECRET_KEY }}",
    "{% include 'base.html' %}",
    "${__xss()}",
    "#{__xss()}",
    "{{constructor.constructor('__xss()')()}}",
    "<%= __xss() %>",
]
CSS = [
    '<div style="background:url(javascript:__xss())">css</div>',
    '<div style="width:expression(__xss())">css</div>',
    "<style>@import 'javascript:__xss()';</style>",
    '<style>body{background:url("javascript:__xss()")}</style>',
    '<p style="behavior:url(x.htc)">css</p>',
    "<link rel=stylesheet href=javascript:__xss()>",
]
UNICODE = [
    "\uff1cscript\uff1e__xss()\uff1c/script\uff1e",
    "<scr\u0131pt>__xss()</scr\u0131pt>",
    "[click](java\u200bscript:__xss())",
    '<a href="java\u200cscript:__xss()">zwnj</a>',
    "\u202e<img src=x onerror=__xss()>",
    "\ufeff<script>__xss()</script>",
    "<img src=x one\u0000rror=__xss()>",
    "\u2028<script>__xss()</script>\u2029",
    "\U0001f600<svg onload=__xss()>\U0001f600",
    "\u0130\u0131<ScRİpt>__xss()</ScRİpt>",
]
PAYLOADS = (
    SCRIPT_TAGS
    + EVENT_HANDLERS
    + DANGEROUS_URLS
    + SVG_AND_MATHML
    + ATTRIBUTE_BREAKING
    + MARKDOWN
    + ENCODED
    + TEMPLATES
    + CSS
    + UNICODE
)
