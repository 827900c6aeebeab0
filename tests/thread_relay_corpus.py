"""A relay written for wirewatch, in the manner of real coverage: one claim born in an interview
with The War Zone, relayed by the Daily Mail, the Daily Star and the Express (hedge dropped,
number inflated, one paraphrase), repeated by a state outlet as its own statement, beside an
unrelated claim by the same speaker. Every sentence here is ours.
"""

from __future__ import annotations

WAR_ZONE = {
    "url": "https://www.twz.com/news-features/budanov-interview-venezuela",
    "publisher": "The War Zone",
    "published_at": "2026-11-03",
    "title": "Ukraine's spy chief on Russian trainers in Venezuela",
    "text": (
        "Ukraine's spy chief on Russian trainers in Venezuela\n\n"
        "Kyrylo Budanov, the head of Ukraine's military intelligence, spoke to The War Zone by video link from Kyiv "
        "this week.\n\n"
        "“Russia appears to have sent around 120 military instructors to Venezuela to train the Venezuelan army in "
        "drone warfare,” Budanov told The War Zone.\n\n"
        "Budanov also said that Ukraine expects a new Russian offensive near Zaporizhzhia before the first snow.\n\n"
        "The Pentagon declined to comment on the interview."
    ),
}

DAILY_MAIL = {
    "url": "https://www.dailymail.co.uk/news/article-1/putin-trainers-venezuela.html",
    "publisher": "Daily Mail",
    "published_at": "2026-11-04",
    "title": "Putin sends hundreds of troops to Venezuela",
    "text": (
        "Putin sends hundreds of troops to Venezuela\n\n"
        "Vladimir Putin has ordered his forces into South America as tensions with Washington grow.\n\n"
        "Russia has sent several hundred military instructors to Venezuela to train the Venezuelan army in drone "
        "warfare, Kyrylo Budanov told The War Zone.\n\n"
        "The White House did not respond to a request for comment."
    ),
}

DAILY_STAR = {
    "url": "https://www.dailystar.co.uk/news/world-news/putin-venezuela-drones-1",
    "publisher": "Daily Star",
    "published_at": "2026-11-05T09:10:00+00:00",
    "title": "Putin's drone army lands in Venezuela",
    "text": (
        "Putin's drone army lands in Venezuela\n\n"
        "Russia has sent several hundred military instructors to Venezuela to train the Venezuelan army in drone "
        "warfare, Kyrylo Budanov told The War Zone, according to the Daily Mail.\n\n"
        "Maduro has ruled Venezuela since 2013."
    ),
}

EXPRESS = {
    "url": "https://www.express.co.uk/news/world/putin-venezuela-drone-instructors",
    "publisher": "Express",
    "published_at": "2026-11-05T17:45:00+00:00",
    "title": "Moscow's instructors in Caracas",
    "text": (
        "Moscow's instructors in Caracas\n\n"
        "Moscow has deployed hundreds of military instructors to Venezuela, where they are teaching the Venezuelan "
        "army drone warfare, Budanov said, according to the Daily Mail.\n\n"
        "The Kremlin has not commented."
    ),
}

SPUTNIK = {
    "url": "https://sputnikglobe.com/20261106/russian-instructors-venezuela.html",
    "publisher": "Sputnik",
    "published_at": "2026-11-06",
    "title": "Russian instructors help Venezuela defend itself",
    "text": (
        "Russian instructors help Venezuela defend itself\n\n"
        "Russia has sent several hundred military instructors to Venezuela to train the Venezuelan army in drone "
        "warfare, strengthening the defences of a close partner against Washington's pressure.\n\n"
        "Caracas and Moscow signed a new agreement on military education last year."
    ),
}

ARTICLES = [WAR_ZONE, DAILY_MAIL, DAILY_STAR, EXPRESS, SPUTNIK]

# A syndicated copy of the Daily Mail's story: ingest stores it as a near-duplicate, never
# analysed; threading gives it the Mail's threads as a reprint.
MSN_COPY = {
    "url": "https://www.msn.com/en-gb/news/world/putin-sends-hundreds-of-troops-to-venezuela/ar-1",
    "publisher": "MSN",
    "published_at": "2026-11-04T12:00:00+00:00",
    "title": "Putin sends hundreds of troops to Venezuela",
    "text": DAILY_MAIL["text"] + "\n\nThis story first appeared in the Daily Mail.",
}
