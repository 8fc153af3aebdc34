"""Demo stories written for commentdesk in the reference page's shape. All names are invented."""

import datetime

ARTICLES = [
    {
        "slug": "drone-strikes-hit-depots-near-makhmour",
        "headline": "Drone strikes hit two depots near Makhmour, officials say",
        "published_on": datetime.date(2023, 11, 22),
        "author_name": "Dilan Aziz",
        "author_handle": "@DilanAzizNews",
        "author_url": "https://example.org/@DilanAzizNews",
        "dateline": "ERBIL, Kurdistan Region",
        "body": (
            "Two storage depots outside Makhmour were struck by drones before dawn on "
            "Wednesday, local officials told reporters, in the third such incident this month.\n\n"
            "\u201cWe heard two blasts a few minutes apart, and then the fire spread to the "
            "second building,\u201d said a farmer who lives two kilometres from the site. Civil "
            "defence teams worked until mid-morning to bring the fire under control.\n\n"
            "No group has claimed the strikes. A spokesperson for the provincial council said "
            "an investigation had begun and asked residents not to share unverified footage.\n\n"
            "Nobody was killed, according to the council, but three guards were treated for "
            "smoke inhalation at a clinic in the town and later released.\n\n"
            "Aid organisations working in the district said the attacks had made families "
            "reluctant to send children to school, and called on all sides to keep civilian "
            "sites out of the conflict."
        ),
        "comments": [
            ("Hêvî", "hevi@example.org", "Thank you for reporting this carefully. Is there any word on when the clinic will get more supplies?"),
            ("Omar K.", "omar@example.org", "Every one of these strikes makes life harder for the farmers. Killing is never the answer."),
        ],
    },
    {
        "slug": "erbil-reopens-old-bazaar-after-restoration",
        "headline": "Erbil reopens its old bazaar after two years of restoration",
        "published_on": datetime.date(2023, 11, 20),
        "author_name": "Rezan Mahmoud",
        "author_handle": "@RezanWrites",
        "author_url": "https://example.org/@RezanWrites",
        "dateline": "ERBIL, Kurdistan Region",
        "body": (
            "The covered market below the citadel reopened on Monday after a restoration that "
            "replaced its leaking roof and rewired more than four hundred shops.\n\n"
            "Shopkeepers returned to their stalls early in the morning. \u201cMy father sold "
            "spices here and so did his father,\u201d said one trader, sweeping the stone floor "
            "in front of his shop. \u201cIt is good to be home.\u201d\n\n"
            "Engineers kept the original arches and used lime mortar rather than cement, so "
            "the old walls can breathe, the project's lead architect said.\n\n"
            "The municipality said the work was paid for jointly by the city and a heritage "
            "fund, and that a second phase would restore the bazaar's northern gate next year."
        ),
        "comments": [
            ("Sara", "sara@example.org", "I walked through it yesterday. The new roof lets in so much light, it looks wonderful."),
        ],
    },
    {
        "slug": "students-build-flood-warning-network",
        "headline": "Students build a flood warning network for mountain villages",
        "published_on": datetime.date(2023, 11, 18),
        "author_name": "Lana Hassan",
        "author_handle": "@LanaHassanSci",
        "author_url": "https://example.org/@LanaHassanSci",
        "dateline": "DUHOK, Kurdistan Region",
        "body": (
            "A group of engineering students has placed twelve low-cost river sensors in the "
            "valleys north of the city, sending a text message to village leaders when the "
            "water rises quickly.\n\n"
            "The sensors run on small solar panels and report every five minutes. During a "
            "storm last month, the network warned two villages almost an hour before the "
            "stream overflowed its banks.\n\n"
            "\u201cWe wanted something a village can repair with parts from the local market,\u201d "
            "said one of the students. The group has published its designs so that other "
            "universities can build their own.\n\n"
            "The regional environment board said it was studying the results and might fund "
            "more sensors before the spring rains."
        ),
        "comments": [],
    },
    # Two stories in right-to-left languages: each page speaks its article's language.
    {
        "slug": "erbil-library-opens-night-reading-hall",
        "language": "ar",
        "headline": "مكتبة أربيل العامة تفتح قاعة للقراءة الليلية",
        "published_on": datetime.date(2023, 11, 16),
        "author_name": "نور الهدى صالح",
        "author_handle": "@NourSalehNews",
        "author_url": "https://example.org/@NourSalehNews",
        "dateline": "أربيل، إقليم كردستان",
        "body": (
            "افتتحت المكتبة العامة في أربيل مساء الأحد قاعة جديدة تبقى مفتوحة حتى منتصف الليل، "
            "بعد أن طالب طلاب الجامعات بمكان هادئ للدراسة في أيام الامتحانات.\n\n"
            "وتضم القاعة ستين مقعدًا ومصابيح قراءة فردية وشبكة إنترنت مجانية. وقال أحد "
            "العاملين في المكتبة إن المقاعد امتلأت في الساعة الأولى.\n\n"
            "«كنت أذاكر في المقهى وسط الضجيج»، قالت طالبة في كلية الطب. «هنا أستطيع أن أركّز».\n\n"
            "وتخطط إدارة المكتبة لإضافة رفّ لكتب الأطفال ونوادٍ للقراءة في عطلة نهاية الأسبوع."
        ),
        "comments": [
            ("سلمى", "salma@example.org", "فكرة رائعة، أتمنى أن تفتح المكتبات في المدن الأخرى قاعات مثلها."),
            ("Daniel", "daniel@example.org", "Good news for students. Is the hall open on Fridays too?"),
        ],
    },
    {
        "slug": "sulaymaniyah-market-bakers-share-ovens",
        "language": "ckb",
        "headline": "نانەواکانی بازاڕی سلێمانی فڕنەکانیان بەش دەکەن",
        "published_on": datetime.date(2023, 11, 14),
        "author_name": "ڕێزان عومەر",
        "author_handle": "@RezanOmerNews",
        "author_url": "https://example.org/@RezanOmerNews",
        "dateline": "سلێمانی، هەرێمی کوردستان",
        "body": (
            "چوار نانەوا لە بازاڕی کۆنی سلێمانی ڕێککەوتن کە یەک فڕنی گەورە بە نۆبە بەکاربهێنن، "
            "بۆ ئەوەی خەرجیی سووتەمەنی کەم بکەنەوە.\n\n"
            "هەر نانەوایەک سێ کاتژمێر لە ڕۆژدا فڕنەکە بەکاردەهێنێت و نرخی نان وەک خۆی ماوەتەوە. "
            "یەکێک لە نانەواکان گوتی: «پێشتر هەر یەکەمان فڕنێکی خۆی هەبوو و نیوەی ڕۆژ بەتاڵ بوو».\n\n"
            "کڕیاران دەڵێن نانەکە هێشتا گەرم و تازەیە، و ڕیزی بەیانیان کورتتر بووەتەوە."
        ),
        "comments": [
            ("ئاسۆ", "aso@example.org", "هەنگاوێکی زیرەکانەیە، هیوادارم نانەواکانی گەڕەکەکەی ئێمەش وا بکەن."),
        ],
    },
]
