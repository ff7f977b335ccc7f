package dev.newswire.extract.step;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every heuristic of the extractor as data: tag sets, class/id tokens, boilerplate lines and thresholds.
 * Nothing here names a site or a page; the tokens are conventions of common CMS templates (WordPress themes,
 * schema.org microdata, news CMSs) and of the web at large.
 *
 * <p>Class and id attributes are matched as <em>tokens</em>: lower-cased and split on anything that is not a
 * letter or digit, so {@code "post-share-bar"} gives {@code post, share, bar}. Content containers are matched
 * on the whole class name instead, because their tokens ({@code content}, {@code post}) are too common alone.
 */
public final class Heuristics {

    private Heuristics() {
    }

    // ---------------------------------------------------------------------------------------------- limits

    /** Characters of HTML kept for parsing: a 10 MB page is cut here so heap and time stay bounded. */
    public static final int MAX_HTML_CHARS = 2_000_000;

    /** Bytes looked at for a meta charset declaration. */
    public static final int CHARSET_PRESCAN_BYTES = 4096;

    /** Bytes of the body tried against every candidate charset when sniffing; plenty of text to judge by. */
    public static final int CHARSET_SNIFF_SAMPLE_BYTES = 65_536;

    /** The main text stops growing after this many blocks: enough for any article, a guard against 100k-row tables. */
    public static final int MAX_BLOCKS = 5_000;

    /** The main text stops growing after this many characters (a long feature is about 50,000). */
    public static final int MAX_TEXT_CHARS = 1_000_000;

    /** Bytes checked for NUL bytes and other binary signs before we try to read a body as text. */
    public static final int BINARY_SNIFF_BYTES = 2048;

    /** Elements nested deeper than this are dropped from the tree: only generated or hostile pages go there. */
    public static final int MAX_ELEMENT_DEPTH = 256;

    // ---------------------------------------------------------------------------------------------- pruning

    /** Elements that never hold article text: removed with their subtree before anything is scored. */
    public static final Set<String> NON_CONTENT_TAGS = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video",
            "audio", "map", "button", "select", "input", "textarea", "label", "option", "nav", "head", "link",
            "meta", "dialog", "menu", "picture", "source", "math");

    /**
     * Id prefix of the hidden {@code <div>}s in which streamed React server rendering delivers content that a
     * script then moves into place: hidden in the markup, visible to every reader.
     */
    public static final String STREAMED_CONTENT_ID_PREFIX = "S:";

    /** Code tags: class names inside them are syntax highlighting ("hljs-comment", "token comment"), never boilerplate. */
    public static final Set<String> CODE_TAGS = Set.of("pre", "code");

    /** Tags left out inside the content root: image captions and credits are not the story's text. */
    public static final Set<String> SKIPPED_IN_CONTENT_TAGS = Set.of("figcaption");

    /** Page furniture tags: removed unless they hold the article (some sites wrap everything in a header). */
    public static final Set<String> FURNITURE_TAGS = Set.of("header", "footer", "aside", "form");

    /** ARIA roles of page furniture. */
    public static final Set<String> FURNITURE_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
            "menubar", "toolbar");

    /**
     * Class/id tokens of boilerplate blocks (share bars, comments, related links, widgets, cookie banners,
     * author boxes...). An element with one of them is removed unless it holds the article.
     */
    public static final Set<String> BOILERPLATE_TOKENS = setOf(
            // comments and comment forms
            "comment", "comments", "respond", "reply", "replies", "disqus", "discussion", "commentlist",
            // sharing and social
            "share", "shares", "sharing", "sharedaddy", "sharethis", "addthis", "social", "socials", "sociallinks",
            "likes", "reactions", "reaction", "emoji", "print", "whatsapp", "facebook", "twitter", "pinterest",
            "linkedin", "follow",
            // related / recommended / more
            "related", "relatedposts", "recommended", "recommendations", "recirculation", "trending", "popular",
            "readmore", "morestories", "outbrain", "taboola", "yarpp", "crp", "nextpost", "prevpost",
            "postnav", "pagination", "pager",
            // navigation and chrome
            "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "masthead", "topbar", "toolbar",
            "skiplink", "sidebar", "footer", "copyright", "sitemap",
            // ads, promos, newsletters, consent
            "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit", "dfp", "gpt",
            "sponsor", "sponsored", "promo", "promotion", "newsletter", "subscribe", "subscription", "signup",
            "cookie", "cookies", "consent", "gdpr", "cmp", "popup", "modal", "overlay", "lightbox", "banner",
            // author boxes, tags, post meta
            "author", "authors", "byline", "bio", "avatar", "tags", "tagcloud", "taglinks", "categories",
            "postmeta", "entrymeta", "meta", "dateline",
            // hidden or assistive copies
            "screenreader", "sronly", "visuallyhidden", "offscreen", "screen",
            // widgets of one vendor's embeds and misc
            "giphy", "caption", "captions", "credit", "credits", "figcaption", "rating", "ratings", "poll", "login", "search", "searchform", "modal");

    /**
     * Boilerplate tokens that also appear on page wrappers ("page-with-sidebar", "has-author"): an element
     * carrying only these is removed only when it holds less than {@link #WEAK_TOKEN_MAX_SHARE} of the page text.
     */
    public static final Set<String> WEAK_BOILERPLATE_TOKENS = setOf(
            "sidebar", "meta", "author", "authors", "byline", "banner", "overlay", "print",
            "follow", "likes", "popular", "search", "login", "rating", "ratings", "bio", "dateline",
            "modal", "lightbox", "sponsor", "sponsored", "menu", "nav", "navigation");

    /** Share of the whole page's text above which an element with only weak tokens is kept. */
    public static final double WEAK_TOKEN_MAX_SHARE = 0.30;

    /** Share of the page text above which furniture tags (header, footer, aside, form) are kept. */
    public static final double FURNITURE_MAX_SHARE = 0.40;

    /**
     * Tokens that cancel a boilerplate token found in the same class name: page builders name content blocks
     * "widget-text-editor" or "widget-container", and "sidebar-content" is rarer than "post-content-share".
     */
    public static final Set<String> CONTENT_TOKENS = Set.of(
            "article", "articlebody", "content", "entry", "story", "body", "text", "main", "container", "editor",
            "paragraph", "richtext", "prose");

    /** Boilerplate tokens that no content token cancels: "comment-content" and "related-content" are boilerplate. */
    public static final Set<String> DECISIVE_TOKENS = setOf(
            "comment", "comments", "commentlist", "respond", "disqus", "share", "sharing", "sharedaddy",
            "sharethis", "addthis", "related", "relatedposts", "outbrain", "taboola", "yarpp", "cookie", "cookies",
            "consent", "gdpr", "breadcrumb", "breadcrumbs", "giphy", "screenreader", "sronly", "visuallyhidden",
            "caption", "captions", "credit", "credits", "figcaption");

    /**
     * Class-name prefixes of page builders and block editors: their names describe layout ("elementor-widget-wrap",
     * "wp-block-group"), so only decisive tokens count in them.
     */
    public static final List<String> LAYOUT_PREFIXES = List.of(
            "elementor", "wp-block", "et_pb", "et-pb", "vc_", "wpb", "fl-", "uagb", "kb-", "gb-", "brxe", "tdb",
            "td_", "td-", "jeg_", "ast-", "fusion", "avia", "av_", "x-", "cs-", "oxy", "ct-", "bricks", "section-");

    /**
     * Class names that describe the post rather than the block (WordPress and other CMSs put the post's tags,
     * categories, author and state on its container: "tag-related-reading", "has-comments", "comments-open"):
     * they are ignored, or the article itself would look like boilerplate.
     */
    public static final List<String> DESCRIPTIVE_NAME_PREFIXES = List.of(
            "has-", "tag-", "category-", "categories-", "author-", "post-type-", "type-", "format-", "status-",
            "with-", "no-", "is-", "comments-open", "comments-closed", "pings-", "postid-", "post-", "page-id-",
            "topic-", "section-", "blog-", "single-", "template-");

    /** Whole class names that hide an element (utility classes of CSS frameworks). */
    public static final Set<String> HIDDEN_CLASS_NAMES = setOf(
            "hidden", "hide", "d-none", "is-hidden", "invisible", "u-hidden", "visually-hidden", "sr-only",
            "screen-reader-text", "screen-reader-only", "element-invisible", "offscreen");

    /**
     * Share of the page text above which even a decisive element is kept: a "share" wrapper around the whole
     * page is a template quirk, not a share bar.
     */
    public static final double DECISIVE_MAX_SHARE = 0.75;

    /** Share of the page text above which an element with normal (not weak, not decisive) tokens is kept. */
    public static final double TOKEN_MAX_SHARE = 0.6;

    // ---------------------------------------------------------------------------------------------- content

    /**
     * Whole class/id names (lower-case) or itemprop values of main-content containers in common templates, in
     * order of trust. The first one that holds enough text wins over the scored guess.
     */
    public static final List<String> CONTENT_CONTAINER_NAMES = List.of(
            "articlebody", "article-body", "article_body", "articlebody__content", "article-content",
            "article__content", "article__body", "article-text", "articletext", "article_content",
            "entry-content", "post-content", "post-body", "post_content", "postcontent", "post-entry",
            "single-content", "td-post-content", "story-body", "story-content", "storycontent", "story-text",
            "body-content", "news-content", "news-body", "news-text", "main-content-body", "content-body",
            "blog-content", "blog-post-content", "rich-text", "richtext", "article-detail", "article-details",
            "detail-content", "text-content", "page-content", "main-text", "c-entry-content", "wysiwyg");

    /**
     * Inline tags: their text belongs to the enclosing block. Every other tag, custom elements included, starts
     * a block of its own (a paragraph, a heading, a list item, a container).
     */
    public static final Set<String> INLINE_TAGS = Set.of(
            "a", "span", "b", "i", "em", "strong", "u", "small", "sup", "sub", "font", "mark", "abbr", "cite",
            "code", "q", "s", "strike", "time", "label", "img", "wbr", "del", "ins", "kbd", "var", "bdi", "bdo",
            "data", "tt", "big", "acronym", "dfn", "samp", "nobr", "ruby", "rt", "rp", "#root", "br");

    /** Inline tags that browsers render with space around them in practice (table-like inline content). */
    public static final Set<String> SPACED_INLINE_TAGS = Set.of("img", "label");

    /** A scoring block needs this many characters outside links to count as text. */
    public static final int MIN_SCORED_BLOCK_CHARS = 25;

    /** A block with more than this share of its characters in links is navigation, not text. */
    public static final double MAX_BLOCK_LINK_DENSITY = 0.5;

    /**
     * The output keeps blocks with up to this share of link text: a paragraph dense with inline links is still
     * text (measured: dropping blocks above 0.5 cost more recall than it gained precision on the dev set), a
     * block that is nearly all link is a teaser or navigation.
     */
    public static final double MAX_KEPT_BLOCK_LINK_DENSITY = 0.85;

    /** Descend into the child that holds at least this share of a container's text when choosing the root. */
    public static final double DOMINANT_CHILD_SHARE = 0.75;

    /** A known content container must hold this share of the scored root's text to be trusted. */
    public static final double CONTAINER_MIN_SHARE = 0.5;

    /** Further matches of the winning container name are kept when they hold this share of the best one. */
    public static final double SIBLING_CONTAINER_MIN_SHARE = 0.5;

    /** How many levels above the first root preceding siblings are looked at for the article's lead. */
    public static final int LEAD_MAX_LEVELS = 3;

    /** A preceding sibling is lead text with at least this many content characters ... */
    public static final int LEAD_MIN_CONTENT_CHARS = 150;

    /** ... and at most this share of its text in links. */
    public static final double LEAD_MAX_LINK_DENSITY = 0.2;

    // ---------------------------------------------------------------------------------------------- lines

    /**
     * Whole lines of boilerplate that can sit inside an article container. Matched case-insensitively against
     * a block's full text (after whitespace clean-up), so a sentence of the story that merely contains the words
     * is never dropped.
     */
    public static final List<Pattern> BOILERPLATE_LINES = compile(
            "source link", "source", "sources?:.{0,60}", "what do you think\\??", "written by .{1,60}",
            "posted by .{1,60}", "leave a (reply|comment)", "leave a reply cancel reply", "post a comment",
            "your email address will not be published\\.?.*", "required fields are marked.*",
            "giphy app key not set.*", "share( this( article| story| post)?)?:?", "like this:?",
            "loading\\.*", "related( posts| articles| stories| news)?:?", "advertisement", "advertisements?",
            "ad", "sponsored( content)?", "click to share on .*", "share on (facebook|twitter|x|linkedin).*",
            "follow us( on .{1,40})?", "(please )?subscribe( now| to .{1,60})?", "sign up( for .{1,60})?",
            "read more:?", "read next:?", "see also:?",
            "(related|see also|read more|read next|more|watch|recommended|read)( stories| articles| coverage)? ?:.{0,150}",
            "you (may|might) (also )?(like|enjoy|be interested in).{0,60}", "more (by|from) (the|this) author:?",
            "(the )?article continues below.{0,20}", "join (our|the) .{0,30}(newsletter|mailing list|community).{0,40}",
            "(sign up|subscribe) (for|to) (our|the) .{0,30}newsletter.{0,60}", "stay connected.{0,30}", "continue reading.{0,40}", "also read:?.{0,120}",
            "you (may|might) also like:?", "recommended( for you)?:?", "more from .{1,40}", "tags?:.{0,200}",
            "filed under:?.{0,200}", "categories?:.{0,200}", "(photo|image|credit)s?:.{0,80}",
            "\\d+ (min|minute)s? read", "(\\d+ )?comments?", "no comments( yet)?\\.?", "print( this)?",
            "email", "whatsapp", "facebook", "twitter", "linkedin", "copy link", "link copied.*",
            "(all )?rights reserved.*", "©.{0,120}", "copyright .{0,120}", "back to top",
            "skip to (main )?content", "this (article|story) (was )?(originally )?(appeared|published) .{0,120}",
            "(by|author:?) [\\p{L}.' -]{2,60}", "(published|updated|posted|last updated)( on| at)?:? .{1,60}",
            "save my name, email, and website .*", "name\\*?", "email\\*?", "website", "comment\\*?",
            "cancel reply", "previous( post| article)?:?.{0,120}", "next( post| article)?:?.{0,120}",
            "listen to (this|the) (article|story).{0,40}", "play audio.{0,40}",
            // a line that is only a date or a reading time: page furniture beside the headline
            "(mon|tue|wed|thu|fri|sat|sun)?[a-z]*,? ?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{1,2},? \\d{4}.{0,20}",
            "\\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d{4}.{0,20}",
            "\\d{4}-\\d{2}-\\d{2}", "reading time:? .{0,20}", "\\d+ min(ute)?s? read( time)?",
            // a bare address: script and tracking URLs that templates park in hidden text
            "(https?://|www\\.)\\S+");

    /**
     * Headings and lines after which the rest of an article container is boilerplate (comments, related
     * posts). The tail is cut only when it is the minor part of the text; see {@link #TAIL_CUT_MAX_SHARE}.
     */
    public static final List<Pattern> END_OF_ARTICLE_LINES = compile(
            "related( posts| articles| stories| news| content| reading)?:?", "you (may|might) also like:?",
            "leave a (reply|comment)", "comments?( \\(\\d+\\))?", "\\d+ comments?", "more (stories|news|articles).{0,40}",
            "recommended( for you| stories| articles)?:?", "read (more|next):?", "what do you think\\??",
            "share this( article| story| post)?:?", "like this:?", "about the author:?", "most (read|popular).{0,20}",
            "trending( now| stories)?:?", "popular (posts|stories|articles)", "latest (news|posts|stories|articles)",
            "join the conversation.{0,40}", "post navigation", "source link", "written by .{1,60}");

    /** Text after an end-of-article line is cut only when it is less than this share of the container's text. */
    public static final double TAIL_CUT_MAX_SHARE = 0.35;

    /** Blocks at least this long are dropped when they repeat; shorter ones (list labels, "Pros") may repeat. */
    public static final int MIN_DEDUPLICATED_CHARS = 50;

    /** Longest block that a boilerplate line pattern is tried on (longer blocks are story text). */
    public static final int MAX_BOILERPLATE_LINE_CHARS = 220;

    /** Names that are never a byline author: accounts, roles and generic credits. */
    public static final Set<String> NON_AUTHOR_NAMES = Set.of(
            "admin", "administrator", "editor", "editors", "staff", "staff writer", "staff reporter", "newsroom",
            "news desk", "web desk", "desk", "team", "editorial team", "editorial staff", "guest", "guest author",
            "contributor", "anonymous", "unknown", "user", "webmaster", "root", "redaktion", "redacción");

    /** Credentials that follow a name in bylines ("Jane Doe, MS, RD"): split off, never names themselves. */
    public static final Set<String> CREDENTIALS = setOf(
            "phd", "md", "ms", "msc", "ma", "mba", "rd", "rdn", "rn", "np", "pa-c", "cpa", "jd", "esq", "do", "dds",
            "dvm", "lmft", "lcsw", "cfp", "cfa", "ba", "bsc", "mph", "ld", "cdces", "fand", "facc", "mfa", "jr", "sr");

    // ---------------------------------------------------------------------------------------------- metadata

    /** Meta names/properties of the publication date, in order of trust (keys are lower-cased when read). */
    public static final List<String> PUBLISHED_META = List.of(
            "article:published_time", "og:article:published_time", "article.published", "datepublished",
            "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date", "parsely-pub-date",
            "dc.date.issued", "dcterms.created", "dc.date", "citation_publication_date", "date", "og:published_time",
            "cxenseparse:recs:publishtime", "article:published", "published_time", "release_date");

    /** Meta names/properties of the last-modified date, in order of trust. */
    public static final List<String> MODIFIED_META = List.of(
            "article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified",
            "dcterms.modified", "article.updated", "og:article:modified_time", "modified_time", "revised");

    /** Meta names/properties of the author, in order of trust; the first present one is used. */
    public static final List<String> AUTHOR_META = List.of(
            "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
            "byl", "citation_author", "twitter:creator");

    /** Meta names of the site's name, in order of trust (the JSON-LD publisher comes between the last two). */
    public static final List<String> SITE_NAME_META = List.of("og:site_name", "application-name");

    /** Meta name of the site's social account, a last resort for its name ("@nordblatt"). */
    public static final String SITE_ACCOUNT_META = "twitter:site";

    /** Meta names of the page's summary, in order of trust. */
    public static final List<String> DESCRIPTION_META = List.of("og:description", "description", "twitter:description");

    /** Meta names of the page's language, after {@code <html lang>} and before the JSON-LD {@code inLanguage}. */
    public static final List<String> LANGUAGE_META = List.of("og:locale", "content-language", "language");

    /** JSON-LD and og:type types (lower-case) of an article object: the one whose fields are read. */
    public static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
            "reviewnewsarticle", "backgroundnewsarticle", "advertisercontentarticle", "scholarlyarticle",
            "techarticle", "report", "liveblogposting", "posting", "socialmediaposting", "review", "howto",
            "medicalwebpage", "satiricalarticle", "recipe");

    /** How deep JSON-LD arrays, {@code @graph} and {@code mainEntity} are followed when looking for the article. */
    public static final int JSON_LD_MAX_DEPTH = 4;

    /** {@code <h1>} texts collected; the title rule looks at the first ones only. */
    public static final int MAX_H1S = 5;

    /** Microdata and {@code rel=author} bylines collected. */
    public static final int MAX_BYLINES = 6;

    /** Texts of byline-classed elements collected (the last resort for authors). */
    public static final int MAX_CLASS_BYLINES = 3;

    /** Texts of date-classed elements collected (the last resort for dates before the text itself). */
    public static final int MAX_DATED_TEXTS = 4;

    /**
     * Only elements with at most this many child elements are read as a byline or a date line: a wrapper that
     * merely has "author" or "date" in its class holds more.
     */
    public static final int MAX_LABEL_CHILDREN = 3;

    /** A byline-classed element's text is read when it is this short (and at least the minimum). */
    public static final int MAX_CLASS_BYLINE_CHARS = 80;
    public static final int MIN_CLASS_BYLINE_CHARS = 3;

    /** A date-classed element's text is read when it is this short (and at least the minimum). */
    public static final int MAX_DATED_TEXT_CHARS = 100;
    public static final int MIN_DATED_TEXT_CHARS = 6;

    /** Class-name parts of a byline element ... */
    public static final List<String> BYLINE_CLASS_PARTS = List.of("author", "byline");
    /** ... unless the class also has one of these (an author box, a bio, an avatar). */
    public static final List<String> NOT_BYLINE_CLASS_PARTS = List.of("bio", "box", "avatar", "desc", "img", "image");

    /** Class-name parts of a publication-date element ... */
    public static final List<String> DATE_CLASS_PARTS = List.of("date", "publish", "posted");
    /** ... unless the class also has one of these (that is the modified date). */
    public static final List<String> NOT_DATE_CLASS_PARTS = List.of("update", "modif");

    /** A headline (an {@code <h1>} or the JSON-LD headline) has at least this many characters ... */
    public static final int MIN_HEADLINE_CHARS = 10;
    /** ... and an {@code <h1>} taken without support from the title at most this many. */
    public static final int MAX_HEADLINE_CHARS = 300;

    /** Separators of "Headline | Site" decorations in titles, tried in this order. */
    public static final List<String> TITLE_SEPARATORS = List.of(" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ");

    /** Authors kept per page. */
    public static final int MAX_AUTHORS = 6;

    /** An author's name has this many characters at least and at most, and at most this many words. */
    public static final int MIN_AUTHOR_NAME_CHARS = 3;
    public static final int MAX_AUTHOR_NAME_CHARS = 60;
    public static final int MAX_AUTHOR_NAME_WORDS = 5;

    /** All-capitals words up to this length after a name are credentials ("MS", "FAND"), not names. */
    public static final int MAX_CREDENTIAL_CHARS = 6;

    /** "By", "Written by" before a byline. */
    public static final Pattern BYLINE_PREFIX = Pattern.compile("(?i)^(written |posted |reported |text |words )?by[: ]\\s*");

    /** Separators between several names in one byline. */
    public static final Pattern AUTHOR_SEPARATORS = Pattern.compile(
            "(?i)\\s*(,|;|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\|)\\s*");

    /** Dashes and dots around a name. */
    public static final Pattern AUTHOR_PUNCTUATION = Pattern.compile("^[-–—:·•]+|[-–—:·•]+$");

    // ---------------------------------------------------------------------------------------------- page kind

    /**
     * Class/id tokens (letters only, lower-case) that tell what kind of page the elements make up, counted per
     * element over the whole page ({@link PageSignals}): the page-kind classifier weighs the counts.
     */
    public static final java.util.Map<String, Set<String>> PAGE_CLASS_CUES = orderedMap(
            "forum", Set.of("post", "posts", "message", "messages", "reply", "replies", "thread", "threads", "topic",
                    "topics", "forum", "forums", "username", "user", "userinfo", "avatar", "signature", "postbody",
                    "bbcode", "quote", "vote", "votes", "answer", "answers", "question", "discussion"),
            "product", Set.of("price", "prices", "product", "products", "cart", "basket", "sku", "stock", "buy",
                    "checkout", "wishlist", "variant", "swatch", "quantity", "qty", "shipping", "addtocart"),
            "listing", Set.of("card", "cards", "grid", "tile", "tiles", "item", "items", "teaser", "listing",
                    "results", "result", "pagination", "pager", "filter", "filters", "facet", "facets", "sort"),
            "docs", Set.of("doc", "docs", "documentation", "toc", "api", "highlight", "sourcecode", "hljs", "syntax",
                    "navtree", "menu", "version", "prev", "next", "edit", "admonition", "note", "warning"),
            "service", Set.of("cta", "hero", "testimonial", "testimonials", "pricing", "plan", "plans", "contact",
                    "quote", "feature", "features", "services", "service", "benefits", "faq", "form", "booking",
                    "appointment", "clients", "partners", "logos"));

    /** Declared types (JSON-LD, microdata, {@code og:}) that tell a page's kind, per kind. */
    public static final java.util.Map<String, Set<String>> PAGE_TYPE_CUES = orderedMap(
            "article", Set.of("og:article", "article", "newsarticle", "blogposting", "reportagenews", "opinionnewsarticle",
                    "analysisnewsarticle", "liveblogposting", "review", "howto", "recipe"),
            "forum", Set.of("discussionforumposting", "qapage", "question", "answer", "comment", "userinteraction"),
            "product", Set.of("product", "offer", "aggregateoffer", "productgroup", "og:product", "productmodel"),
            "listing", Set.of("collectionpage", "itemlist", "searchresultspage", "offercatalog", "listitem"),
            "docs", Set.of("techarticle", "softwareapplication", "softwaresourcecode", "apireference"),
            "service", Set.of("service", "localbusiness", "professionalservice", "homeandconstructionbusiness",
                    "movingcompany", "faqpage", "contactpage", "aboutpage", "educationalorganization", "og:website"));

    /** Words of a URL's path (split on anything not a letter) that tell a page's kind, per kind. */
    public static final java.util.Map<String, Set<String>> PAGE_URL_CUES = orderedMap(
            "article", Set.of("blog", "blogs", "news", "article", "articles", "post", "posts", "story", "stories",
                    "insights", "resources", "guide", "guides", "magazine", "journal", "opinion", "knowledge"),
            "forum", Set.of("forum", "forums", "thread", "threads", "topic", "topics", "viewtopic", "discussion",
                    "discussions", "community", "communities", "questions", "showthread", "board", "boards"),
            "product", Set.of("product", "products", "dp", "shop", "store", "item", "sku", "buy"),
            "listing", Set.of("category", "categories", "collections", "collection", "tag", "tags", "search", "sale",
                    "browse", "catalog", "cat", "list", "directory", "archive"),
            "docs", Set.of("docs", "doc", "documentation", "api", "reference", "manual", "handbook", "learn",
                    "tutorial", "tutorials", "wiki", "faq", "help", "support", "kb"),
            "service", Set.of("services", "service", "solutions", "pricing", "contact", "quote", "about", "locations",
                    "company", "hire", "book", "demo", "plans", "features", "careers", "near"));

    /** Title or heading words of error pages. */
    public static final Pattern ERROR_PAGE = Pattern.compile(
            "(?i)\\b(404|page not found|not found|error 50\\d|access denied|forbidden|nothing (was )?found|"
                    + "page (does not|doesn't) exist|seite nicht gefunden|página no encontrada|page introuvable)\\b");

    /** Lines of paywall stubs. */
    public static final Pattern PAYWALL_LINE = Pattern.compile(
            "(?i)(subscribe (now )?to (continue|read|unlock)|to continue reading|already a (subscriber|member)|"
                    + "this (article|content|story) is (only )?(available|reserved) (to|for) (subscribers|members)|"
                    + "create a free account to (continue|read)|sign in to (continue|read)|"
                    + "unlock this (article|story)|become a (subscriber|member) to)");

    /** Below this many characters of main text a page is not an article. */
    public static final int MIN_ARTICLE_CHARS = 250;

    /** A paywall stub is a page whose text is shorter than this and carries a paywall line. */
    public static final int PAYWALL_MAX_CHARS = 1500;

    /** Index pages: many short link blocks. Link share of the visible page text above this, with little text. */
    public static final double INDEX_PAGE_LINK_DENSITY = 0.55;

    /** A set that tolerates repeats in the list (the lists are edited by hand). */
    /** A page with no text but at least this many dropped (link) blocks is an index page, not an empty one. */
    public static final int INDEX_PAGE_MIN_LINK_BLOCKS = 5;

    @SuppressWarnings("unchecked")
    private static <V> java.util.Map<String, V> orderedMap(Object... keysAndValues) {
        java.util.LinkedHashMap<String, V> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Set<String> setOf(String... values) {
        return Set.copyOf(java.util.Arrays.asList(values));
    }

    private static List<Pattern> compile(String... regexes) {
        return java.util.Arrays.stream(regexes)
                .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }
}
