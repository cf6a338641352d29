#!/usr/bin/env python3
"""Generate the small teaching datasets shipped in nbs/data/.

    python3 tools/make_data.py [--out DIR]

writes (into DIR, by default nbs/data/)

    nbs/data/reviews.csv   product / place / media reviews (sentiment + topic)
    nbs/data/ner.jsonl     token-level named-entity tags (BIO)
    nbs/data/qa.jsonl      SQuAD-style extractive question answering

Everything is synthetic: the text is assembled from hand-written phrase
banks that live in this file. Only the standard library is used and every
random choice goes through ``random.Random`` objects with fixed seeds, so
running the script again reproduces byte-identical files.
The script validates what it wrote and prints a summary at the end.

Reviews carry a `split` column. Test reviews are assembled only from phrases held
out of every bank (see `partition`), so no sentence of a test review occurs in a
train review; the script checks this.
"""

import collections
import csv
import hashlib
import io
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "nbs", "data")

SEED = 20240611
N_EN_PER_TOPIC = 175          # 8 topics x 175 = 1,400 English reviews
N_ZH_PER_TOPIC = 15           # 8 topics x 15  = 120 Chinese reviews
N_NER = 440
HELD_OUT_EVERY = 4            # one phrase in four (in SHA-1 order) is reserved for test reviews
MAX_WORDS = 150
MIN_WORDS = 5


def lines(block):
    """Split a multi-line string into stripped, non-empty lines."""
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip()]


def tagged(block):
    """Parse lines of the form 'tag1,tag2| sentence' into (tags, sentence).

    Tags name the aspect a sentence talks about (battery, plot, waiter...).
    A review never uses two sentences that share a tag, which keeps it from
    contradicting itself ("the battery is great" ... "the battery is awful").
    """
    out = []
    for ln in lines(block):
        if "|" in ln:
            tags, text = ln.split("|", 1)
            out.append((tuple(t.strip() for t in tags.split(",")), text.strip()))
        else:
            out.append(((), ln))
    return out


# ---------------------------------------------------------------------------
# English review banks
# ---------------------------------------------------------------------------

DURATIONS = ["two weeks", "a month", "three months", "six months"]
COMPANIONS = ["my partner", "a couple of friends", "my parents", "my sister",
              "some colleagues", "my family", "my best friend"]
NIGHTS = ["two nights", "three nights", "a week", "a long weekend", "four nights"]

GENERIC_OPENERS = {
    5: lines("""
        Absolutely love it.
        Wow, just wow.
        Five stars, no hesitation.
        This exceeded every expectation I had.
        I don't hand out five stars lightly, but this one earned it.
        Fantastic from start to finish.
        I'm genuinely impressed.
        Couldn't be happier.
        What a pleasant surprise.
        Simply excellent.
        I was skeptical at first, but I'm a total convert now.
        Okay, I'm officially a fan.
    """),
    4: lines("""
        Really good overall.
        Pretty great, all things considered.
        Solid four stars from me.
        Good stuff.
        I liked it a lot.
        Not perfect, but very good.
        Better than I expected.
        Not bad at all, actually quite good.
        Glad I gave it a chance.
        Very happy with this, mostly.
    """),
    3: lines("""
        It's fine.
        Three stars feels about right.
        Mixed feelings on this one.
        It's okay, nothing more, nothing less.
        Average.
        Not great, not terrible.
        I'm a bit torn.
        Perfectly adequate, I suppose.
        Middle of the road.
        Hard to get excited about, hard to hate.
        Meh. It's alright.
        So-so.
    """),
    2: lines("""
        Pretty disappointing.
        I wanted to like this, I really did.
        Not great, unfortunately.
        Below my expectations.
        Two stars, and I'm being generous.
        Meh, I expected a lot more.
        Not what I was hoping for.
        This was a letdown.
        I'm not impressed.
    """),
    1: lines("""
        Avoid.
        Terrible. Just terrible.
        One star because zero isn't an option.
        What a waste of money.
        Honestly the worst experience I've had in years.
        I'm genuinely angry about this.
        Do not bother.
        Awful from start to finish.
        Ugh, where do I even start.
    """),
}

GENERIC_CLOSERS = {
    5: lines("""
        Highly recommend!
        Can't recommend it enough.
        Worth every penny.
        You won't regret it.
        An easy five stars.
        Go for it, seriously.
        I'm already telling all my friends about it.
    """),
    4: lines("""
        Recommended.
        Overall, a very good choice.
        Four stars, happily given.
        Definitely worth a look.
        I'd happily go for it again.
        Would recommend.
    """),
    3: lines("""
        Fine if you manage your expectations.
        Your mileage may vary.
        Neither impressed nor disappointed.
        Three stars.
        Average, really.
        Does the job, nothing more.
        Not bad, not amazing.
    """),
    2: lines("""
        Wouldn't recommend.
        I expected better.
        Probably won't try again.
        Look elsewhere.
        Not worth the money, in my opinion.
        Disappointed overall.
    """),
    1: lines("""
        Stay away.
        Never again.
        Save your money.
        Absolutely would not recommend.
        Avoid at all costs.
        Zero stars if I could.
    """),
}

# Connectors that may start a body sentence after the first one.
CONNECTORS = {
    "pos": ["Also, ", "On top of that, ", "Plus, ", "And ", "What's more, ", "Oh, and "],
    "neg": ["On top of that, ", "Worse, ", "Also, ", "And ", "To make matters worse, "],
    "neu": ["Also, ", "As for the rest, ", "Otherwise, "],
    "mixed_pos": ["On the plus side, ", "To be fair, ", "In its favour, "],
    "mixed_neg": ["That said, ", "On the downside, ", "However, ", "Then again, "],
}

# Per topic: items (what is reviewed), openers/closers per sentiment,
# aspect sentences per sentiment, contrast sentences, and short reviews.
# Placeholders: {item}, {dur}, {who}, {nights}.
TOPICS = {}

TOPICS["electronics"] = dict(
    items=["phone", "laptop", "tablet", "budget phone", "gaming laptop",
           "Android tablet", "ultrabook"],
    open_pos=lines("""
        I've been using this {item} for {dur} now and I'm really impressed.
        Upgraded from a four-year-old {item} and the difference is night and day.
        Bought this {item} for work and it has been fantastic.
        My old {item} finally died, and this replacement is a huge step up.
        This {item} is exactly what I needed.
    """),
    open_neg=lines("""
        I returned this {item} after {dur}.
        I had high hopes for this {item}, but it's been one problem after another.
        This {item} started acting up within the first week.
        Bought this {item} as a gift and I'm embarrassed I did.
        Used this {item} for {dur} before giving up on it.
    """),
    open_neu=lines("""
        I've had this {item} for {dur}, and my feelings are mixed.
        This {item} is a perfectly average device.
        It's a decent {item} for the money, I suppose.
        Nothing wrong with this {item}, but nothing special either.
    """),
    pos=tagged("""
        battery| The battery easily lasts a full day, even with heavy use.
        battery| Battery life is outstanding; I only charge it every other day.
        screen| The screen is bright, sharp and easy to read outdoors.
        screen| Colours on the display look rich without being oversaturated.
        charging| It charges from almost empty to full in about an hour.
        speed| Apps open instantly and I haven't noticed any lag at all.
        build| Build quality feels premium, with no creaks or wobbly parts.
        speakers| The speakers are surprisingly loud and clear for the size.
        setup| Setup took less than ten minutes, including transferring my data.
        heat| It stays cool even with a dozen tabs and a video call running.
        wifi| Wi-Fi and Bluetooth connections have been rock solid.
        fingerprint| The fingerprint reader works first time, every time.
        updates| Software updates have arrived quickly and haven't broken anything.
        weight| It's light enough to carry around all day without noticing it.
        box| The charger was included in the box, which is rare these days.
        support| Customer support replied within a day when I had a warranty question.
        price| For the price, the performance is honestly hard to beat.
        camera| The camera handles low light far better than my previous device.
    """),
    neg=tagged("""
        battery| The battery drains alarmingly fast and barely makes it to lunchtime.
        screen| The screen has a yellow tint and noticeable backlight bleed in one corner.
        heat| It gets uncomfortably hot just from streaming a video.
        charging| The charging port became loose after {dur}.
        speed| Apps freeze constantly and it needs a restart almost every day.
        speakers| The speakers crackle at anything above half volume.
        wifi| Wi-Fi keeps dropping, even when I'm sitting right next to the router.
        touch| The touchscreen randomly stops responding to taps.
        bloat| It's bloated with preinstalled junk apps that can't be removed.
        build| The case creaks when I pick it up and the seams don't line up.
        fingerprint| The fingerprint sensor fails more often than it works.
        updates,speed| The latest software update made it noticeably slower.
        support| Customer support kept me on hold for an hour and then hung up.
        box| It didn't even come with a charger, just a short cable.
        camera| Photos from the camera look blurry and washed out, even in daylight.
        screen| Within {dur}, the screen developed a dead pixel right in the middle.
    """),
    neu=tagged("""
        battery| Battery life is okay, though I usually need to top it up in the evening.
        screen| The screen is decent, but not as bright as the ads suggest.
        speed| Performance is fine for browsing and email, less so for anything heavy.
        build| The build feels a bit plasticky, though it seems sturdy enough.
        speakers| The speakers are acceptable for podcasts but thin for music.
        charging| Charging speed is average, nothing to write home about.
        camera| The camera is passable in good light and mediocre indoors.
        setup| Setup was straightforward, if a little slow.
        weight| It's a bit heavier than I expected, but I'm getting used to it.
    """),
    contrast_pos=tagged("""
        screen,speakers| The screen is gorgeous, but the speakers are a bit tinny.
        battery,charging| Battery life is superb, but it takes ages to fully charge.
        speed,heat| Performance is great, but it does get warm when gaming.
        screen,bezels| I love the display, but the bezels are thicker than I'd like.
        speed,charging,box| It's fast and reliable, but the included charger is painfully slow.
        build,smudges| Build quality is excellent, although it's a fingerprint magnet.
    """),
    contrast_neg=tagged("""
        screen,battery| The screen is nice enough, but the battery is a disaster.
        build,heat| It looks sleek, but it overheats constantly.
        camera,speed| The camera is decent, but it lags on the most basic tasks.
        setup,speed| Setup was easy, but it's been unreliable ever since.
        price,build| The price seemed fair, but the build quality is flimsy.
        speed,wifi| Performance is fine, but the Wi-Fi keeps dropping out.
    """),
    close_pos=lines("""
        Best {item} I've owned.
        I'd buy this {item} again in a heartbeat.
        If you need a reliable {item}, get this one.
        Great value for {a_item} with these specs.
    """),
    close_neg=lines("""
        I'm sending it back for a refund.
        Spend a bit more and get a better {item}.
        Save yourself the headache and buy a different brand.
        I'm back to using my old {item}.
    """),
    close_neu=lines("""
        It's a fine {item} if you're on a budget.
        For basic use, it'll do.
        I'd probably look at other options next time.
        Does the job, but don't expect miracles.
    """),
    short_pos=lines("""
        Great battery, gorgeous screen, no complaints.
        Fast, light and the battery lasts forever.
        Superb {item}. Charges quickly and never lags.
        Crisp display and rock-solid battery. Love it.
        Best {item} I've had in years. Blazing fast.
    """),
    short_neg=lines("""
        Battery died after {dur}. Useless.
        Screen cracked on day two. Total junk.
        Overheats and lags constantly. Returned it.
        Stopped charging after a week. Avoid.
        Slow, buggy {item} with a terrible battery.
    """),
    short_neu=lines("""
        Decent {item}, average battery, okay screen.
        Screen's fine, battery's fine. It's fine.
        Okay {item} for the price, nothing more.
        Does the job. Battery could be better.
    """),
)

TOPICS["books"] = dict(
    items=["novel", "thriller", "mystery novel", "fantasy novel", "historical novel",
           "debut novel", "science fiction novel"],
    open_pos=lines("""
        I finished this {item} in two sittings and immediately wanted more.
        It's been a while since a {item} kept me up past midnight, but this one did.
        A friend lent me this {item} and I ended up buying my own copy.
        I picked up this {item} on a whim at the library and fell in love with it.
        This is the kind of {item} you press into people's hands.
    """),
    open_neg=lines("""
        I forced myself to finish this {item}, and I wish I hadn't bothered.
        Given all the hype, I expected much more from this {item}.
        I gave up on this {item} about halfway through.
        My book club picked this {item}, and none of us liked it.
        I've read the author's earlier work and this {item} is a real step down.
    """),
    open_neu=lines("""
        This {item} was a pleasant enough way to pass a few evenings.
        I have mixed feelings about this {item}.
        A readable {item}, but not a memorable one.
        I finished this {item}, though it took me a while.
    """),
    pos=tagged("""
        plot| The plot is tight and every chapter ends on a hook.
        characters| The characters feel like real people with messy, believable motives.
        prose| The author's prose is gorgeous without ever being showy.
        twist| The twist in the final act genuinely caught me off guard.
        dialogue| The dialogue is sharp and often laugh-out-loud funny.
        pacing| The pacing is perfect; I never once felt like skimming.
        ending| The ending is bittersweet and absolutely earned.
        world| The world-building is rich, yet it never drowns the story in detail.
        research| The author clearly did their research, and it shows on every page.
        heart| The relationship between the two sisters is the emotional heart of the book.
        chapters| Short chapters make it incredibly easy to read just one more.
        translation| The translation reads smoothly; you'd never guess it wasn't written in English.
        minor| Even the minor characters get a moment to shine.
        edition| The paperback edition is lovely, with a sturdy binding and a clean layout.
        themes| It tackles grief and memory with real tenderness.
        prose| I underlined so many sentences that my copy is a mess now.
    """),
    neg=tagged("""
        plot,pacing| The plot meanders for two hundred pages before anything happens.
        characters| The characters are flat, and I didn't care what happened to any of them.
        prose| The prose is overwritten, with three adjectives where one would do.
        twist| The twist is obvious from the first few chapters.
        dialogue| The dialogue is stiff and nobody talks like a real person.
        ending| The ending felt rushed, as if the author ran out of time.
        chapters| Whole chapters could be cut without losing anything.
        lead| The main character makes baffling decisions just to keep the plot moving.
        cliches| It's full of clichés, from the brooding hero to the ancient prophecy.
        translation| The translation is clunky and some sentences barely make sense.
        edition| The print edition I got had smudged pages and a cracked spine.
        minor| Too many characters are introduced too quickly, and I kept losing track.
        romance| The romance subplot feels forced and goes nowhere.
        prose,description| The author spends pages describing furniture and weather.
        threads| Plot threads are set up and then simply abandoned.
    """),
    neu=tagged("""
        plot| The plot is decent, though it follows a fairly familiar pattern.
        chapters| Some chapters drag, while others are genuinely gripping.
        characters| The characters are likeable enough, if a bit thin.
        prose| The writing is competent but rarely surprising.
        ending| The ending is satisfying enough, though I saw most of it coming.
        pacing| The middle section loses momentum before picking up again.
        length| It's a quick read, but I doubt I'll remember much of it.
        ideas| The author has interesting ideas that don't quite come together.
    """),
    contrast_pos=tagged("""
        plot,ending| The plot is gripping, but the ending felt a little rushed.
        characters,pacing| I loved the characters, although the middle section drags a bit.
        prose,pacing| The prose is beautiful, but the slow pacing won't suit everyone.
        plot,romance| The mystery is clever, even if the romance subplot is unnecessary.
        world,glossary| The world-building is superb, but you'll need the glossary at the back.
        dialogue,minor| The dialogue sparkles, though a couple of side characters are thin.
    """),
    contrast_neg=tagged("""
        cover,plot| The cover is beautiful, but the story inside is painfully dull.
        premise,plot| The premise is intriguing, but the execution falls completely flat.
        chapters,plot| The first chapter hooked me, but the rest never lived up to it.
        research,characters| The author clearly knows the history, but the characters are cardboard.
        prose,plot| There are a few nice sentences, but the plot makes no sense.
        setting,plot| The setting is vivid, but nothing interesting happens in it.
    """),
    close_pos=lines("""
        I'm already hunting down everything else this author has written.
        Easily one of my favourite reads this year.
        Can't wait for the sequel.
        Perfect for a long weekend with a pot of tea.
    """),
    close_neg=lines("""
        I'm donating my copy to the charity shop.
        Skip this one and reread an old favourite instead.
        I won't be picking up the sequel.
        Life is too short for books like this.
    """),
    close_neu=lines("""
        Fine for a beach read, but don't expect depth.
        I might read the sequel if the library has it.
        Worth borrowing, probably not worth buying.
        An okay read that didn't leave much of a mark.
    """),
    short_pos=lines("""
        Couldn't put it down. Brilliant plot, wonderful characters.
        Beautifully written. Loved every single chapter.
        Gripping from the first page to the last.
        Gorgeous prose and a perfect ending.
        Best {item} I've read in ages.
    """),
    short_neg=lines("""
        Boring plot, flat characters. Gave up.
        Dull, predictable and far too long.
        The ending ruined the whole book for me.
        Couldn't get past chapter three. So dull.
        Clunky prose and a plot full of holes.
    """),
    short_neu=lines("""
        Decent story, forgettable characters.
        An okay read. Some chapters drag.
        Fine plot, average writing, quick read.
        Readable {item}, but nothing special.
    """),
)

TOPICS["restaurants"] = dict(
    items=["place", "restaurant", "bistro", "family-run restaurant", "brasserie",
           "neighbourhood restaurant", "gastropub"],
    open_pos=lines("""
        We celebrated an anniversary here and it was a wonderful evening.
        Went to this {item} with {who} on a Friday night and loved it.
        This {item} has quickly become our go-to spot for dinner.
        Popped into this {item} for a quick lunch and left seriously impressed.
        I've eaten here three times now and it keeps getting better.
    """),
    open_neg=lines("""
        We had dinner at this {item} with {who}, and it was a disaster.
        I'd heard great things about this {item}, but our visit was awful.
        Took {who} to this {item} for lunch and regretted it almost immediately.
        This {item} used to be good, but it has really gone downhill.
        Our evening at this {item} went wrong from the moment we sat down.
    """),
    open_neu=lines("""
        We had lunch at this {item} with {who}; it was okay.
        A perfectly average meal at a perfectly average {item}.
        This {item} is fine for a quick bite, not much more.
        Our dinner here was a bit hit and miss.
    """),
    pos=tagged("""
        waiter| Our waiter was friendly, attentive and knew the menu inside out.
        mains| The pasta was clearly made in-house and perfectly al dente.
        presentation| Every dish arrived hot and beautifully presented.
        portions| The portions are generous; we ended up taking leftovers home.
        dessert| The chocolate tart for dessert was the best I've had in years.
        wine| The wine list is short but well chosen, and the staff suggested great pairings.
        price| Prices are very reasonable for the quality of the food.
        room| The dining room is cosy without being cramped.
        allergy| They handled my friend's nut allergy with real care.
        wait| Food came out quickly even though the place was packed.
        fish| The grilled fish was flaky, fresh and seasoned perfectly.
        bread| The homemade bread alone is worth the visit.
        chef| The chef came out to say hello, which was a lovely touch.
        booking| Booking a table online was easy and it was ready when we arrived.
        veg| The vegetarian options are creative rather than an afterthought.
        spice| The spicy noodles had real depth of flavour.
    """),
    neg=tagged("""
        waiter| Our waiter ignored us for twenty minutes before taking our order.
        mains| The steak came out grey and overcooked, even though I asked for medium rare.
        soup| My soup was lukewarm and tasted like it came from a can.
        portions,price| The portions are tiny for what they charge.
        hygiene| We found a hair in the salad, and the manager barely apologised.
        hygiene2| The tables were sticky and the floor hadn't been swept.
        bill| The bill had two dishes on it that we never ordered.
        noise| It was so loud we had to shout across the table.
        dessert| The dessert was clearly defrosted and still icy in the middle.
        menu| Half the menu was unavailable, and nobody told us until we tried to order.
        fries| The fries were soggy and the burger bun was stale.
        staff| The staff seemed more interested in their phones than in the customers.
        booking,wait| We had a reservation and still waited half an hour to be seated.
        fish| The fish smelled off, and I left most of it on the plate.
        bill2| They added a service charge without mentioning it, even though the service was poor.
    """),
    neu=tagged("""
        mains| The food was decent, though nothing really stood out.
        waiter| Service was polite but a little slow.
        portions| Portions are about average for the price.
        spice| The curry was tasty but could have used more spice.
        room| The decor is nice enough, if a bit dated.
        dessert| The desserts looked better than they tasted.
        menu| The menu is fairly standard: burgers, salads and a few pasta dishes.
        wait| It gets busy at lunchtime, so expect a short wait.
    """),
    contrast_pos=tagged("""
        mains,waiter| The food was outstanding, but the service was a bit slow on a busy night.
        presentation,noise| Every dish was delicious, though the music was a little too loud.
        mains,dessert| The mains were excellent, even if dessert was a bit forgettable.
        waiter,room| Our waitress was lovely, but the table by the door was draughty.
        price| It's not cheap, but the quality of the ingredients justifies the price.
        mains,wait| The pizza was fantastic, though we waited a while for a table.
    """),
    contrast_neg=tagged("""
        waiter,mains| The waiter was friendly, but the food was bland and overpriced.
        room,wait| The terrace is lovely, but the kitchen clearly can't keep up.
        starters,mains| The starters were fine, but the main courses were a real letdown.
        menu,mains| The menu sounds exciting, but nothing tastes the way it's described.
        drinks,mains| The cocktails were good, but the dinner itself was cold and greasy.
        location,hygiene| The location is convenient, but the hygiene left a lot to be desired.
    """),
    close_pos=lines("""
        We've already booked a table for next month.
        Book ahead, because it's always busy for a reason.
        Can't wait to come back and work through the rest of the menu.
        Easily the best meal I've had in this neighbourhood.
    """),
    close_neg=lines("""
        We won't be eating here again.
        There are plenty of better restaurants nearby; go to one of those.
        Overpriced, underwhelming and rude. Skip it.
        I left hungry and annoyed.
    """),
    close_neu=lines("""
        Fine if you're in the area, but not worth a special trip.
        An okay spot for a casual lunch.
        We might come back, but it won't be top of our list.
        Decent food, average service, fair prices.
    """),
    short_pos=lines("""
        Delicious food, lovely staff, great prices.
        Best ramen in town, hands down.
        Amazing dishes and a super friendly waiter.
        Fantastic dinner. The dessert was unreal.
        Fresh, tasty food and brilliant service.
    """),
    short_neg=lines("""
        Cold food, rude waiter. Never again.
        Overpriced and bland. Avoid this place.
        Waited an hour for a soggy burger.
        Dirty tables and terrible service.
        Greasy food and a waiter who couldn't care less.
    """),
    short_neu=lines("""
        Decent food, but the service was slow.
        It's an okay place for a quick lunch.
        Average dishes, fair prices, nice staff.
        The food is fine. Nothing memorable.
    """),
)

TOPICS["hotels"] = dict(
    items=["hotel", "boutique hotel", "resort", "city-centre hotel", "seaside hotel",
           "business hotel"],
    open_pos=lines("""
        We stayed at this {item} for {nights} and didn't want to leave.
        Booked this {item} for a work trip and it was a real treat.
        This {item} made our honeymoon even more special.
        I travel a lot for work, and this is one of the best hotels I've stayed in.
        We chose this {item} for its location, but the staff are what impressed us most.
    """),
    open_neg=lines("""
        We stayed at this {item} for {nights} and couldn't wait to check out.
        Our stay at this {item} was one of the worst I've had.
        The photos online are very misleading; this {item} is nothing like them.
        I booked this {item} for a family holiday and it was a mistake.
        I cut my stay short and moved to another hotel.
    """),
    open_neu=lines("""
        We spent {nights} at this {item}; it was fine.
        A decent {item} for a short stay, nothing special.
        This {item} is okay if you just need somewhere to sleep.
        Our stay here had its ups and downs.
    """),
    pos=tagged("""
        checkin| Check-in was quick and the receptionist upgraded us to a room with a view.
        bed| The bed was huge and incredibly comfortable; I slept like a log.
        breakfast| Breakfast was a real feast, with fresh pastries and eggs cooked to order.
        clean| The room was spotless and housekeeping kept everything neat every day.
        location| The location is perfect, a five-minute walk from the old town.
        desk| The front desk staff gave us brilliant restaurant recommendations.
        bathroom| The bathroom had a rainfall shower and plenty of hot water.
        noise| Even though we were near the lift, the room was completely quiet at night.
        pool| The rooftop pool was clean and never crowded.
        wifi| The Wi-Fi was fast enough for video calls, which matters when I travel for work.
        checkout| They let us check out late at no extra charge.
        view| The view of the harbour from our balcony was stunning.
        touches| Little touches, like fresh flowers and free bottled water, made it feel special.
        concierge| The concierge booked our airport taxi and even packed us a breakfast box.
        price| It's great value compared with other hotels in the area.
    """),
    neg=tagged("""
        checkin| Check-in took almost an hour because our room wasn't ready.
        smell| The room smelled of smoke even though it was supposedly non-smoking.
        bed| The mattress was lumpy and sagged in the middle.
        bathroom,clean| There was mould in the shower and the towels were stained.
        noise| The walls are paper thin; we could hear every word from next door.
        breakfast| Breakfast was a sad buffet of dry toast and cold scrambled eggs.
        aircon| The air conditioning rattled all night and barely worked.
        housekeeping| Housekeeping never came, even after we called reception twice.
        wifi| The Wi-Fi only worked in the lobby, and barely even there.
        desk| The front desk staff were rude and clearly didn't want to help.
        minibar| We were charged for the minibar even though we never opened it.
        pool| The pool was closed for our entire stay, with no warning when we booked.
        street,noise| Street noise kept us awake until three in the morning.
        size,view| The room was much smaller than the photos and looked out onto a brick wall.
        booking,checkin| They lost our booking and tried to put us in a room with a single bed.
    """),
    neu=tagged("""
        size,clean| The room was clean but quite small.
        breakfast| Breakfast was okay, though the choice was limited.
        checkin| Check-in was a little slow, but the staff were polite.
        bed| The bed was comfortable enough, if a bit firm.
        location,street,noise| The location is convenient, but the street can get noisy.
        decor| The decor is dated, but everything works.
        wifi| The Wi-Fi was patchy in the room but fine in the lobby.
        price| It's reasonably priced for the area, without being a bargain.
    """),
    contrast_pos=tagged("""
        size,breakfast| The room was lovely, but breakfast was overpriced.
        desk,lift| The staff were wonderful, even if the lifts were painfully slow.
        bed,bathroom| The bed was dreamy, though the bathroom could use an update.
        location,parking| The location is unbeatable, but parking costs a fortune.
        clean,wifi| Everything was spotless, but the Wi-Fi struggled in the evenings.
        pool,gym| The pool area is gorgeous, although the gym is tiny.
    """),
    contrast_neg=tagged("""
        location,clean| The location is good, but the room itself was filthy.
        lobby,decor| The lobby looks stylish, but the rooms are tired and shabby.
        desk,bathroom| The receptionist was friendly, but that doesn't make up for a broken shower.
        breakfast,noise| Breakfast was decent, but we barely slept because of the noise.
        view,aircon| The view was nice, but the air conditioning never worked.
        price| It's cheap, but you get exactly what you pay for.
    """),
    close_pos=lines("""
        We're already planning our next stay.
        If you're visiting the city, stay here.
        Worth every penny; we'll be back next summer.
        Thank you to the whole team for a wonderful stay.
    """),
    close_neg=lines("""
        We won't be staying here again.
        Spend the extra money and book somewhere else.
        I've asked for a refund and I'm still waiting.
        I wouldn't book this hotel again, even at half the price.
    """),
    close_neu=lines("""
        Fine for a night or two, but I wouldn't stay longer.
        It's okay for the price.
        Adequate, but we'd probably try somewhere else next time.
        A decent base for sightseeing, nothing more.
    """),
    short_pos=lines("""
        Spotless room, comfy bed, amazing breakfast.
        Lovely hotel, friendly staff, great location.
        Perfect stay. The view from our room was incredible.
        Quick check-in, quiet room, superb breakfast.
        Wonderful {item}. We'll definitely be back.
    """),
    short_neg=lines("""
        Dirty room and rude reception. Avoid.
        Noisy, smelly room. Never again.
        Check-in was chaos and the bed was awful.
        Mould in the bathroom. Absolutely disgusting.
        Worst {item} I've ever stayed in.
    """),
    short_neu=lines("""
        Clean room, average breakfast, okay location.
        An okay hotel for one night.
        Decent location, but a very small room.
        Fine stay. Nothing to rave about.
    """),
)

TOPICS["movies"] = dict(
    items=["film", "movie", "sequel", "thriller", "comedy", "drama", "horror movie",
           "period drama"],
    open_pos=lines("""
        I saw this {item} at the cinema with {who}, and it was a great night out.
        This {item} is the most fun I've had at the movies all year.
        I went in with low expectations and this {item} completely won me over.
        I've watched this {item} twice now and noticed new things the second time.
        What {a_item}.
    """),
    open_neg=lines("""
        I walked out of this {item} halfway through.
        This {item} was a chore to sit through.
        I watched this {item} at home and was reaching for my phone within twenty minutes.
        After all the hype, this {item} was a massive letdown.
        I can't believe how bad this {item} was.
    """),
    open_neu=lines("""
        This {item} was alright, I guess.
        I watched this {item} on a flight and it passed the time.
        A watchable but forgettable {item}.
        This {item} has its moments, but not enough of them.
    """),
    pos=tagged("""
        lead| The lead actress gives a stunning, career-best performance.
        plot,twist| The plot twists kept me guessing right up to the final scene.
        music| The soundtrack is haunting and fits every scene perfectly.
        visuals| The cinematography is gorgeous; almost every frame could be a painting.
        director| The director balances humour and heartbreak brilliantly.
        script| The script is witty and the jokes actually land.
        cast| The whole cast has great chemistry, especially the two leads.
        action| The action scenes are clear and easy to follow, which is rare these days.
        length| At under two hours, the pacing is tight and there's no filler.
        effects| The special effects look seamless and never distract from the story.
        ending| The ending left the whole cinema in stunned silence.
        villain| The villain is genuinely menacing without being a cartoon.
        supporting| Even the small supporting roles are well acted.
        design| The production design makes the seventies setting feel completely real.
        scares| It's scary in a slow, creeping way rather than relying on cheap jump scares.
    """),
    neg=tagged("""
        plot| The plot has so many holes it barely holds together.
        lead| The acting is wooden, and the lead seems bored in every scene.
        script| The dialogue is cringe-worthy, full of lines nobody would ever say.
        length| At nearly three hours, it's at least forty minutes too long.
        effects| The special effects look cheap and unfinished.
        music| The soundtrack is so loud it drowns out half the dialogue.
        ending| The ending is a confusing mess that explains nothing.
        jokes| The jokes fall flat, and the audience barely laughed once.
        action| The action scenes are so shaky and dark that I couldn't tell what was happening.
        twist| Every twist is telegraphed a mile away.
        characters| The characters make absurd choices just so the story can continue.
        original| It's a lazy copy of the original with none of the charm.
        villain| The villain has no real motivation and barely any screen time.
        sequelbait| Several scenes seem to exist only to set up a sequel.
        editing| The editing is choppy, and some scenes end mid-sentence.
    """),
    neu=tagged("""
        lead,script| The acting is solid, but the script doesn't give the cast much to work with.
        plot| The plot is predictable, though it moves along at a decent pace.
        scenes| Some scenes are great, others feel like filler.
        effects| The effects are fine, nothing we haven't seen before.
        music| The soundtrack is pleasant but forgettable.
        halves| The first half is stronger than the second.
        jokes| It's funny in places, but the jokes are hit and miss.
        ending| The ending is fine, if a little too neat.
    """),
    contrast_pos=tagged("""
        lead,length| The acting is superb, but the runtime could have been trimmed.
        plot,music| The story is moving, although the soundtrack is a bit heavy-handed.
        visuals,plot| The visuals are stunning, even if the plot is fairly simple.
        cast,halves| The cast is brilliant, but the middle act drags slightly.
        jokes| It's hilarious, though a few jokes haven't aged well.
        twist,ending| The twist is great, but the final scene goes on a bit too long.
    """),
    contrast_neg=tagged("""
        trailer,plot| The trailer looked amazing, but the film itself is dull.
        lead,script| The lead actor tries his best, but the script is a disaster.
        visuals,plot| The visuals are pretty, but there's no story to speak of.
        opening,plot| The opening scene is promising, but it falls apart quickly.
        music,plot| The soundtrack is good, but it can't save a plot this messy.
        premise,length| The premise is clever, but the execution is painfully slow.
    """),
    close_pos=lines("""
        See it on the biggest screen you can.
        Already planning to watch it again.
        One of the best films of the year.
        I'll be thinking about that ending for weeks.
    """),
    close_neg=lines("""
        Wait until it's free on streaming, or better yet, skip it.
        Two hours of my life I'll never get back.
        I want my ticket money back.
        Just watch the original instead.
    """),
    close_neu=lines("""
        Fine for a lazy Sunday afternoon.
        Worth streaming, not worth a cinema ticket.
        Good enough to watch once.
        It passes the time, and that's about it.
    """),
    short_pos=lines("""
        Stunning performances and a brilliant ending.
        Gripping plot, gorgeous soundtrack. Loved it.
        Funniest movie I've seen in ages.
        A beautiful, moving film with a terrific cast.
        Best {item} of the year, no contest.
    """),
    short_neg=lines("""
        Boring plot and wooden acting throughout.
        Way too long and the ending made no sense.
        Awful script. Fell asleep halfway through.
        Terrible sequel. It ruined the original for me.
        Cheap effects, dull story, terrible acting.
    """),
    short_neu=lines("""
        Decent acting, but a predictable plot.
        Watchable, but I've already forgotten most of it.
        An okay film for a rainy day.
        Some good scenes, some boring ones.
    """),
)

TOPICS["software"] = dict(
    items=["app", "note-taking app", "photo editor", "password manager", "budgeting app",
           "to-do app", "video editing software", "project management tool"],
    open_pos=lines("""
        I've tried at least five alternatives, and this {item} is the one I stuck with.
        Switched to this {item} {dur} ago and haven't looked back.
        This {item} has genuinely changed the way I work.
        Our whole team moved to this {item} last quarter, and everyone loves it.
        I rarely review software, but this {item} deserves it.
    """),
    open_neg=lines("""
        I paid for a year of this {item} and regret it.
        This {item} was great until the last update ruined it.
        I uninstalled this {item} after {dur} of frustration.
        Our team tried this {item} for a month and went back to our old tool.
        I really wanted this {item} to work, but it's too buggy to rely on.
    """),
    open_neu=lines("""
        This {item} is fine for basic use.
        I've been using this {item} for {dur}; it's okay.
        A decent {item}, though it has its quirks.
        This {item} does most of what I need, most of the time.
    """),
    pos=tagged("""
        ui| The interface is clean and I figured out the main features in minutes.
        sync| Sync between my phone and laptop is instant and has never lost a thing.
        stability| It hasn't crashed once since I installed it.
        updates| Updates arrive regularly and actually add useful features.
        pricing| The free version is generous, and the paid plan is fairly priced.
        shortcuts| Keyboard shortcuts make everything incredibly fast once you learn them.
        offline| It works offline and syncs as soon as I reconnect.
        support| Support answered my ticket within a couple of hours with a real solution.
        onboarding| The onboarding tutorial is short and genuinely helpful.
        export| Exporting to PDF or CSV takes one click.
        speed| It runs smoothly even on my ageing laptop.
        darkmode| The dark mode is beautifully done and easy on the eyes.
        docs| The documentation is clear, with examples for almost everything.
        search| Search is lightning fast, even across thousands of entries.
        privacy| They take privacy seriously, with end-to-end encryption and no tracking.
    """),
    neg=tagged("""
        stability,export| It crashes every time I try to export a file.
        ui,updates| The latest update moved every menu, and half the features are now buried in settings.
        sync| Sync is unreliable; I've lost work twice now.
        pricing| They switched to a subscription model and locked basic features behind a paywall.
        ui| The interface is cluttered and confusing, with icons that mean nothing.
        speed| It takes almost a minute to start up on a brand-new laptop.
        support| My support ticket has gone unanswered for three weeks.
        battery| It drains my phone battery even when it's running in the background.
        login| Login randomly fails and I have to reset my password every few days.
        offline| There's no offline mode, so it's useless on a plane.
        nag| Constant pop-ups nag me to upgrade to the premium plan.
        import| The import tool mangled all my old data.
        basics| Basic features like undo are missing or broken.
        login2| It logs me out every time I switch devices.
        cancel| Cancelling the subscription was deliberately difficult.
    """),
    neu=tagged("""
        ui| The interface is functional, though it looks a bit dated.
        stability| It crashes occasionally, but autosave usually rescues my work.
        features| The features cover the basics but nothing more advanced.
        sync| Sync works, though it can take a few minutes.
        pricing| The subscription is a little pricey for what you get.
        updates| Updates are infrequent, but they don't break anything.
        onboarding| There's a learning curve, but it's manageable.
        support| Support is slow, but they do get back to you eventually.
    """),
    contrast_pos=tagged("""
        ui,mobile| The interface is lovely, but the mobile version lacks a few features.
        speed,pricing| It's fast and stable, though the subscription isn't cheap.
        sync,export| Sync is flawless, but I wish there were more export options.
        features,settings| The features are excellent, even if the settings menu is a maze.
        ui,onboarding| It's a joy to use, but the initial setup took longer than expected.
        support,docs| Support is brilliant, although the documentation could be more detailed.
    """),
    contrast_neg=tagged("""
        ui,stability| The design looks modern, but it crashes constantly.
        pricing,stability| The free trial was promising, but the paid version is riddled with bugs.
        features,sync| The features sound great on paper, but sync simply doesn't work.
        support| Support is polite, but they never actually fix anything.
        pricing,speed| It's cheap, but it's painfully slow and unreliable.
        mobile| The desktop version is okay, but the mobile app is unusable.
    """),
    close_pos=lines("""
        Worth every cent of the subscription.
        If you're on the fence, try the free version; you'll upgrade.
        Five stars to the developers. Keep up the great work.
        It's now the first app I open every morning.
    """),
    close_neg=lines("""
        Uninstalled, and I've asked for a refund.
        Find a different app; this one isn't ready.
        Maybe it'll be usable after a few more updates, but I'm not waiting.
        Cancelling my subscription today.
    """),
    close_neu=lines("""
        Fine for personal use, not for a team.
        Worth trying the free version before you pay.
        It gets the job done, just not elegantly.
        I'll keep using it until something better comes along.
    """),
    short_pos=lines("""
        Clean interface, never crashes. Love this app.
        Fast, reliable and syncs perfectly across devices.
        Best {item} I've used. Worth the subscription.
        Intuitive, stable and beautifully designed.
        Does everything I need without a single bug.
    """),
    short_neg=lines("""
        Crashes every time I open it. Useless.
        A buggy mess since the last update.
        Lost all my data after a sync. Uninstalled.
        Overpriced subscription for a broken app.
        Slow, confusing and full of bugs.
    """),
    short_neu=lines("""
        Does the job, but the interface is clunky.
        Okay app with a few annoying bugs.
        Decent features, but a pricey subscription.
        It works. Nothing more, nothing less.
    """),
)

TOPICS["clothing"] = dict(
    items=["jacket", "winter coat", "rain jacket", "parka", "softshell jacket",
           "puffer jacket"],
    open_pos=lines("""
        I've worn this {item} almost every day for {dur}.
        I bought this {item} in two colours because I liked it so much.
        This {item} is exactly as pictured, maybe even nicer in person.
        Got this {item} for my partner's birthday and it was a huge hit.
        Finally, a {item} that actually fits properly.
    """),
    open_neg=lines("""
        I returned this {item} after wearing it once.
        This {item} looked great online, but in person it's a different story.
        I was so excited about this {item}, and so disappointed when it arrived.
        I ordered this {item} in my usual size and could barely get it on.
        This {item} fell apart within {dur}.
    """),
    open_neu=lines("""
        This {item} is fine for everyday wear.
        A reasonable {item}, though not quite what I expected.
        I have mixed feelings about this {item}.
        It's an okay {item} for the price.
    """),
    pos=tagged("""
        fit| The fit is perfect, true to size and flattering.
        fabric| The fabric is soft, thick and feels really high quality.
        wash| It's been through the wash a dozen times without shrinking or fading.
        stitching| The stitching is neat and the seams are properly finished.
        colour| The colour is exactly as shown in the photos.
        sleeves| The sleeves are long enough, which is rare for me.
        zip| The zip is sturdy and runs smoothly.
        warmth| It's warm without being bulky.
        breathable| It's breathable, so I don't overheat on a crowded bus.
        compliments| I get compliments every time I wear it.
        pockets| The pockets are deep enough for a phone and keys.
        returns| Returns were free and easy when I needed a different size.
        buttons| The buttons feel solid and are sewn on securely.
        durability| It still looks new after a whole season of wear.
        lining| The lining is soft and doesn't itch at all, even against bare skin.
    """),
    neg=tagged("""
        wash,fit| It shrank two sizes after a single cold wash.
        fabric| The fabric is thin, scratchy and almost see-through.
        stitching,durability| The seams started coming apart after a week.
        colour| The colour is nothing like the photos; it's a muddy brown.
        fit| Sizing is way off; the medium fits like an extra small.
        zip| The zip broke the third time I used it.
        durability| It started pilling after just a couple of wears.
        dye,wash| The dye ran in the wash and turned my other clothes pink.
        sleeves| The sleeves are bizarrely short and the shoulders are too tight.
        buttons| There were loose threads everywhere and one button was missing.
        smell| It smells strongly of chemicals, even after washing.
        returns| Returning it cost me more in postage than it was worth.
        waterproof| The supposedly waterproof material soaked through in light rain.
        shape| It's so stiff and boxy that it looks like cardboard.
        collar| The collar curled up after the first wash and never lay flat again.
    """),
    neu=tagged("""
        fit| The fit is okay, though a little loose around the waist.
        fabric| The fabric is decent but not as soft as I'd hoped.
        wash| It washes fine, but it needs ironing every time.
        colour| The colour is slightly darker than in the photos.
        sizing,fit| Sizing runs a bit small, so consider going up one.
        comfort| It's comfortable enough for the school run and errands.
        stitching| The stitching looks fine, though I've seen better at this price.
        warmth| It's warm, but a bit heavier than I'd like.
    """),
    contrast_pos=tagged("""
        fit,colour| The fit is great, but the colour is slightly lighter than pictured.
        fabric,wash| The fabric is lovely, though it does need ironing.
        warmth,sleeves| It's really warm, but the sleeves are a touch long.
        durability,price| The quality is excellent, even if it's a bit pricey.
        style,sizing,fit| I love the style, but I had to size up.
        comfort,pockets| It's super comfortable, although the pockets are a little shallow.
    """),
    contrast_neg=tagged("""
        colour,fabric| The colour is nice, but the fabric feels cheap and thin.
        style,stitching| The design is cute, but the stitching is already unravelling.
        fit,wash| It fit well at first, but it shrank badly in the wash.
        delivery,durability| Delivery was quick, but the {item} itself is poor quality.
        style,comfort| It looks smart on the hanger, but it's incredibly uncomfortable to wear.
        price,durability| The price was low, but so is the quality.
    """),
    close_pos=lines("""
        I'll definitely be ordering another {item} in a different colour.
        Great quality for the price; I highly recommend this {item}.
        It's become a staple in my wardrobe.
        Order your usual size and enjoy.
    """),
    close_neg=lines("""
        Sending it back and shopping elsewhere.
        Don't waste your money on this {item}.
        It went straight into the donation bag.
        I'll stick to brands I trust from now on.
    """),
    close_neu=lines("""
        Fine for the price, but don't expect it to last for years.
        Decent enough for everyday wear.
        I'll keep it, but I wouldn't buy another.
        Okay, but check the size chart carefully.
    """),
    short_pos=lines("""
        Perfect fit and lovely soft fabric.
        Great {item}. Warm, comfy and true to size.
        Beautiful colour and excellent stitching.
        Fits like a glove. Love this {item}.
        Soft, warm and really well made.
    """),
    short_neg=lines("""
        Shrank after one wash. Total rubbish.
        Cheap, scratchy fabric and an awful fit.
        The seams split on day one. Returned.
        Sizing is completely wrong. Avoid.
        Thin fabric and a broken zip. Awful.
    """),
    short_neu=lines("""
        Decent fit, but the fabric is average.
        It's fine. Runs a little small.
        Okay {item} for the price.
        Comfortable enough, nothing special.
    """),
)

TOPICS["groceries"] = dict(
    items=["delivery service", "online supermarket", "grocery delivery service",
           "online grocer"],
    open_pos=lines("""
        I've been ordering my weekly shop from this {item} for {dur}, and it's brilliant.
        This {item} has saved me so much time on busy weeks.
        Tried this {item} for the first time this week and I'm very impressed.
        Since our baby arrived, this {item} has been a lifesaver.
        I was sceptical about buying fresh food online, but this {item} changed my mind.
    """),
    open_neg=lines("""
        My last order from this {item} was a complete mess.
        I've cancelled my membership with this {item} after yet another bad delivery.
        This {item} has gone badly downhill over the last few months.
        I won't be using this {item} again after this week's order.
        I ordered a week's worth of groceries and half of it was unusable.
    """),
    open_neu=lines("""
        This {item} is convenient, if not perfect.
        My experience with this {item} has been mixed.
        Ordering from this {item} is fine most weeks.
        A decent {item}, with the usual hiccups.
    """),
    pos=tagged("""
        produce| The fruit and vegetables are always fresh, with plenty of days left on them.
        driver| The driver arrived right on time and carried everything to the door.
        subs| Substitutions are sensible, and they always check with me first.
        frozen| Frozen items arrive properly frozen, packed in insulated bags.
        bread| The bread tastes like it came straight from a bakery.
        eggs| The eggs arrived without a single crack, which is a small miracle.
        price| Prices are the same as in store, and the weekly offers are genuinely good.
        ripe| The avocados were perfectly ripe, just as I'd requested in the notes.
        meat| The meat and fish are excellent quality and clearly labelled.
        dates| Use-by dates on dairy are always at least a week away.
        slots| Delivery slots are easy to book, even at short notice.
        packaging| They've cut down on plastic, and most of the packaging is recyclable.
        range| The organic range is bigger than at my local supermarket.
        refund| When a jar arrived broken, they refunded it within minutes.
        berries| The strawberries were sweet and juicy, and not a single one was mouldy.
    """),
    neg=tagged("""
        produce,berries| Half the fruit was bruised and the strawberries were already mouldy.
        dates| The milk expired the day after delivery.
        driver| The driver turned up three hours late without any warning.
        subs| They substituted oat milk for whole milk and dog food for cat food.
        frozen| The frozen peas arrived completely thawed and soggy.
        bread| The bread was stale and squashed under a bag of potatoes.
        eggs| Six of the twelve eggs were cracked.
        price| Prices have crept up, and they're now noticeably higher than in store.
        meat| The chicken smelled off even though it was within date.
        packaging| Every single item was packed in its own plastic bag.
        missing| They forgot a whole bag of shopping and still charged me for it.
        ripe| The bananas were green as grass and the avocados hard as rocks.
        refund| Customer service took a week to refund items that never arrived.
        slots| The delivery slot I booked was cancelled an hour before it was due.
        veg,produce| The lettuce was slimy and wilted by the time it arrived.
    """),
    neu=tagged("""
        produce| Produce quality varies from week to week.
        driver| Delivery is usually on time, give or take half an hour.
        subs| Substitutions are hit and miss.
        price| Prices are about the same as at other supermarkets.
        dates| The dates on dairy are okay, though not especially long.
        range| The range is decent, but they're often out of the brands I like.
        packaging| Packaging is a bit excessive, but things arrive intact.
        fee| The delivery fee is reasonable if you order enough.
    """),
    contrast_pos=tagged("""
        produce,fee| The produce is great, but the delivery fee has gone up recently.
        produce,missing| Everything arrived fresh, though one item was missing.
        driver| The driver was lovely, even if he was a few minutes late.
        meat,slots| The quality is excellent, but evening slots book up fast.
        price,range| Prices are fair, although the bakery range is a bit limited.
        berries,packaging| The fruit was perfect, but there was more plastic packaging than I'd like.
    """),
    contrast_neg=tagged("""
        driver,produce| The driver was polite, but the food itself was in poor condition.
        price,produce| The prices look cheap, but so much arrives damaged that it isn't worth it.
        app,missing| The website is easy to use, but the orders are always wrong.
        dry,produce| The dry goods were fine, but all the fresh produce went straight in the bin.
        driver,dates| Delivery was on time, but the milk was already past its date.
        range,subs| They have a good range, but the substitutions are ridiculous.
    """),
    close_pos=lines("""
        My fridge has never been so well stocked.
        Worth the small delivery fee every single week.
        Highly recommended for anyone who hates supermarket queues.
        I've already booked next week's slot.
    """),
    close_neg=lines("""
        Back to doing my own shopping at the supermarket.
        I've asked for a full refund.
        Not worth the delivery fee, let alone the stress.
        Cancelled my membership for good.
    """),
    close_neu=lines("""
        Handy on busy weeks, but check everything when it arrives.
        It's fine for dry goods; I buy fresh stuff elsewhere.
        I'll keep using it, but I'm not thrilled.
        Convenient, just not consistently good.
    """),
    short_pos=lines("""
        Fresh fruit, friendly driver, right on time.
        Great produce and perfectly packed eggs.
        Always on time, always fresh. Love it.
        Best grocery delivery around, by far.
        Crisp veg, ripe fruit and no missing items.
    """),
    short_neg=lines("""
        Mouldy strawberries and expired milk. Awful.
        Late delivery and squashed bread. Never again.
        Half my order was missing. Useless service.
        Cracked eggs and rotten bananas. Terrible.
        Thawed frozen food and a rude driver.
    """),
    short_neu=lines("""
        Decent produce, but delivery is sometimes late.
        Fine for basics. Fruit is hit and miss.
        Okay service, average freshness, fair prices.
        Groceries arrived. Some good, some not.
    """),
)

TOPIC_NAMES = ["electronics", "books", "restaurants", "hotels", "movies",
               "software", "clothing", "groceries"]
assert sorted(TOPIC_NAMES) == sorted(TOPICS)


def label_for(stars):
    return "negative" if stars <= 2 else ("neutral" if stars == 3 else "positive")


def polarity(stars):
    return {5: "pos", 4: "pos", 3: "neu", 2: "neg", 1: "neg"}[stars]


def add_connector(rng, text, kind, used_conn):
    """Prefix a sentence with a connector such as 'Also, ' (lower-casing it)."""
    options = [c for c in CONNECTORS[kind] if c not in used_conn]
    if not options:
        return text
    conn = rng.choice(options)
    used_conn.append(conn)
    first = text.split(" ", 1)[0]
    keep_case = first in ("I", "Wi-Fi") or first.startswith("I'")
    return conn + (text if keep_case else text[0].lower() + text[1:])


def pick_aspects(rng, pool, n, used):
    """Pick up to n sentences from pool whose tags do not clash with `used`."""
    order = list(range(len(pool)))
    rng.shuffle(order)
    out = []
    for i in order:
        if len(out) == n:
            break
        tags, text = pool[i]
        if any(t in used for t in tags):
            continue
        used.update(tags)
        out.append(text)
    return out


ECHO_WORDS = ("stars", "recommend", "money", "expect")


def pick_closer(rng, pool, parts):
    """Pick a closer that does not echo the opener ('Five stars...' + 'An easy five stars.')."""
    said = " ".join(parts).lower()
    options = [c for c in pool if not any(w in c.lower() and w in said for w in ECHO_WORDS)]
    return rng.choice(options or pool)


def make_en_review(rng, topic, stars, split="train"):
    B = BANKS[split]
    T, GENERIC_OPENERS, GENERIC_CLOSERS = B["topics"][topic], B["openers"], B["closers"]
    pol = polarity(stars)
    item = rng.choice(T["items"])
    a_item = ("an " if item[0].lower() in "aeiou" else "a ") + item
    slots = dict(item=item, a_item=a_item, dur=rng.choice(DURATIONS),
                 who=rng.choice(COMPANIONS), nights=rng.choice(NIGHTS))
    r = rng.random()
    parts = []
    if r < 0.14:                                   # a one-liner
        parts.append(rng.choice(T["short_" + pol]))
        if rng.random() < 0.35:
            parts.append(pick_closer(rng, GENERIC_CLOSERS[stars], parts))
    else:
        long_review = r > 0.55
        very_long = r > 0.88
        if rng.random() < 0.78:
            if rng.random() < 0.55:
                parts.append(rng.choice(T["open_" + pol]))
            else:
                parts.append(rng.choice(GENERIC_OPENERS[stars]))
            if long_review and rng.random() < (0.5 if very_long else 0.2):   # a second opener
                g = rng.choice(GENERIC_OPENERS[stars])
                if g not in parts:
                    parts.insert(0, g)
        if very_long:
            n_body = rng.randint(6, 9)
        elif long_review:
            n_body = rng.randint(3, 5)
        else:
            n_body = rng.randint(1, 3)
        used = set()
        body = []
        if stars == 3:
            body = [(s, "neu") for s in pick_aspects(rng, T["neu"], n_body, used)]
            if rng.random() < 0.45:                  # genuinely mixed review
                p = pick_aspects(rng, T["pos"], 1, used)
                q = pick_aspects(rng, T["neg"], 1, used)
                body += [(s, "mixed_pos") for s in p] + [(s, "mixed_neg") for s in q]
        else:
            body = [(s, pol) for s in pick_aspects(rng, T[pol], n_body, used)]
            contrast_p = {5: 0.0, 4: 0.6, 2: 0.55, 1: 0.1}[stars]
            if rng.random() < contrast_p:
                key = "contrast_pos" if pol == "pos" else "contrast_neg"
                c = pick_aspects(rng, T[key], 1, used)
                if c:
                    body.insert(rng.randint(0, len(body)), (c[0], None))
            if stars == 2 and rng.random() < 0.25:   # one lukewarm remark
                body += [(s, None) for s in pick_aspects(rng, T["neu"], 1, used)]
        texts = []
        used_conn = []                                # at most two, never repeated
        for i, (s, kind) in enumerate(body):
            if kind and len(used_conn) < 2 and (
                    (kind.startswith("mixed") and rng.random() < 0.7)
                    or (i > 0 and rng.random() < 0.2)):
                s = add_connector(rng, s, kind, used_conn)
            texts.append(s)
        parts += texts
        if rng.random() < 0.72:
            if rng.random() < 0.5:
                parts.append(rng.choice(T["close_" + pol]))
            else:
                parts.append(pick_closer(rng, GENERIC_CLOSERS[stars], parts))
    text = " ".join(p.format(**slots) for p in parts)
    # keep the length within bounds
    while len(text.split()) > MAX_WORDS and len(parts) > 2:
        parts.pop(-2)
        text = " ".join(p.format(**slots) for p in parts)
    if len(text.split()) < MIN_WORDS:
        text += " " + rng.choice(GENERIC_CLOSERS[stars])
    text = text[0].upper() + text[1:]
    return text


# ---------------------------------------------------------------------------
# Chinese (simplified) review banks
# ---------------------------------------------------------------------------

ZH_DURATIONS = ["两周", "一个月", "三个月", "半年"]

ZH_OPENERS = {
    5: lines("""
        太满意了！
        非常棒！
        完全超出预期！
        没想到这么好！
        惊喜满满！
    """),
    4: lines("""
        整体很不错。
        挺满意的。
        比预期的好。
        总体来说值得。
    """),
    3: lines("""
        一般般吧。
        还行，中规中矩。
        感觉很普通。
        不好不坏。
    """),
    2: lines("""
        有点失望。
        不太满意。
        没有想象中那么好。
        体验不太好。
    """),
    1: lines("""
        太差了！
        非常失望！
        踩雷了，气死我了。
        差评！
    """),
}

ZH_CLOSERS = {
    5: lines("""
        强烈推荐！
        会推荐给身边的朋友。
        五星好评！
        真的物超所值。
    """),
    4: lines("""
        总体推荐。
        值得一试。
        瑕不掩瑜。
        整体满意，给四星。
    """),
    3: lines("""
        凑合吧。
        可以考虑，但别期望太高。
        总体来说一般。
        对得起这个价格，仅此而已。
    """),
    2: lines("""
        不太推荐。
        下次应该不会再选了。
        有点后悔。
        希望商家改进吧。
    """),
    1: lines("""
        千万别踩坑！
        再也不会选了。
        非常后悔，浪费钱。
        大家避雷吧。
    """),
}

ZH_TOPICS = {
    "electronics": dict(
        items=["这款手机", "这台笔记本电脑", "这款平板"],
        open=dict(
            pos=["{item}用了{dur}，整体非常满意。", "{item}是给自己的升级，换了之后感觉完全不一样。"],
            neg=["{item}用了{dur}就出问题了。", "{item}买来没多久就后悔了。"],
            neu=["{item}用了{dur}，感觉一般。", "{item}中规中矩，没什么惊喜。"],
        ),
        pos=tagged("""
            battery| 电池很耐用，重度使用一整天也没问题。
            screen| 屏幕清晰明亮，在户外也看得很清楚。
            charging| 充电速度很快，一个小时左右就能充满。
            speed| 运行流畅，打开应用几乎没有卡顿。
            build| 做工精致，拿在手里很有质感。
            speakers| 扬声器音质不错，音量也够大。
        """),
        neg=tagged("""
            battery| 电池掉电太快，中午不到就没电了。
            screen| 屏幕有明显漏光，看着很不舒服。
            heat| 用了没几天就开始发烫，看个视频都烫手。
            speed| 系统经常卡死，每天都要重启。
            charging| 充电口松动，充电时断时续。
            support| 客服态度很差，问题一直没解决。
        """),
        neu=tagged("""
            battery| 电池续航一般，晚上基本要再充一次。
            screen| 屏幕还行，但没有宣传的那么亮。
            speed| 日常用用够了，玩大型游戏就有点吃力。
            build| 做工中规中矩，没什么亮点。
        """),
    ),
    "books": dict(
        items=["这本小说", "这本书"],
        open=dict(
            pos=["{item}我两个晚上就读完了。", "朋友推荐的{item}，果然没让我失望。"],
            neg=["{item}我硬着头皮才读完。", "冲着口碑买了{item}，结果很失望。"],
            neu=["{item}读起来还可以。", "{item}适合打发时间。"],
        ),
        pos=tagged("""
            plot| 情节紧凑，每一章都让人想继续读下去。
            characters| 人物刻画得非常立体，很真实。
            prose| 作者的文笔优美又不做作。
            ending| 结局出人意料，但又合情合理。
            translation| 翻译很流畅，读起来一点也不别扭。
            edition| 纸张和装订质量都很好，拿着很舒服。
        """),
        neg=tagged("""
            plot| 情节拖沓，前两百页几乎什么都没发生。
            characters| 人物很单薄，完全没法产生共鸣。
            ending| 结局太仓促了，好像作者写不下去了。
            translation| 翻译生硬，有些句子根本读不通。
            twist| 反转一早就猜到了，毫无悬念。
            edition| 印刷质量很差，还有好几页字迹模糊。
        """),
        neu=tagged("""
            plot| 故事还可以，就是套路比较常见。
            chapters| 有几章很精彩，有几章有点拖。
            prose| 文笔中规中矩，读完没留下太深的印象。
            reread| 适合打发时间，但不会再读第二遍。
        """),
    ),
    "restaurants": dict(
        items=["这家餐厅", "这家店"],
        open=dict(
            pos=["周末和朋友来{item}吃饭，体验很好。", "{item}已经来过好几次了，每次都很满意。"],
            neg=["慕名来{item}吃饭，结果大失所望。", "带家人来{item}吃饭，真是后悔。"],
            neu=["中午来{item}随便吃了点。", "{item}的菜还算可以。"],
        ),
        pos=tagged("""
            waiter| 服务员热情周到，上菜也很快。
            food| 每道菜都很新鲜，味道很地道。
            portions| 分量很足，两个人根本吃不完。
            dessert| 甜品特别好吃，强烈推荐他们的芒果布丁。
            room| 环境干净整洁，氛围也很舒服。
            price| 价格实惠，性价比很高。
        """),
        neg=tagged("""
            waiter| 等了四十分钟才上菜，服务员还爱答不理。
            food| 菜又咸又油，汤也是凉的。
            price| 价格贵得离谱，分量却少得可怜。
            room| 桌子黏糊糊的，卫生情况堪忧。
            bill| 结账时多算了两道我们没点的菜。
            fish| 鱼不新鲜，有一股怪味。
        """),
        neu=tagged("""
            food| 菜的味道还行，没什么特别出彩的。
            waiter| 服务一般，人多的时候有点慢。
            price| 价格中等，分量也中等。
            room| 环境还可以，就是有点吵。
        """),
    ),
    "hotels": dict(
        items=["这家酒店"],
        open=dict(
            pos=["在{item}住了三晚，非常舒适。", "出差住的{item}，体验超出预期。"],
            neg=["在{item}住了两晚，简直是煎熬。", "{item}和网上的照片完全不一样。"],
            neu=["{item}住一晚还可以。", "{item}整体中规中矩。"],
        ),
        pos=tagged("""
            checkin| 办理入住很快，前台还帮我们升级了房间。
            room| 房间干净宽敞，床特别舒服。
            breakfast| 早餐种类丰富，现做的煎蛋很好吃。
            location| 位置很好，走路五分钟就到地铁站。
            noise| 隔音效果很好，晚上睡得很安稳。
            desk| 前台工作人员非常热情，推荐的餐厅都很不错。
        """),
        neg=tagged("""
            checkin| 办理入住等了快一个小时，房间还没打扫好。
            room| 房间里有一股烟味，床单上还有污渍。
            noise| 隔音太差，隔壁说话听得一清二楚。
            aircon| 空调坏了，一整晚都没睡好。
            bathroom| 浴室有霉斑，毛巾也很旧。
            desk| 前台态度冷淡，问什么都不耐烦。
        """),
        neu=tagged("""
            room| 房间挺干净，就是面积小了点。
            breakfast| 早餐还可以，但选择不多。
            location,noise| 位置方便，不过晚上街上有点吵。
            decor| 设施有点旧，但基本都能用。
        """),
    ),
    "movies": dict(
        items=["这部电影", "这部片子"],
        open=dict(
            pos=["和朋友一起去电影院看了{item}，太值了。", "{item}我已经看了两遍。"],
            neg=["{item}我看到一半就想走了。", "被预告片骗了，{item}很难看。"],
            neu=["{item}还算可以吧。", "在飞机上看的{item}，打发时间还行。"],
        ),
        pos=tagged("""
            acting| 演员的表演非常精彩，特别是女主角。
            plot| 剧情紧凑，反转一个接一个。
            music| 配乐很有感染力，和画面配合得很好。
            visuals| 画面很美，每一帧都像一幅画。
            ending| 结尾让人久久不能平静。
            jokes| 笑点很自然，全场笑声不断。
        """),
        neg=tagged("""
            plot| 剧情漏洞百出，完全看不下去。
            acting| 演技太尴尬了，台词也很生硬。
            length| 片子太长了，至少可以剪掉半小时。
            effects| 特效很廉价，一看就很假。
            ending| 结局莫名其妙，什么都没交代清楚。
            boring| 中间有一段特别无聊，我差点睡着。
        """),
        neu=tagged("""
            plot| 剧情比较套路，不过节奏还可以。
            acting| 演员表现中规中矩。
            halves| 前半部分不错，后半部分有点拖。
            cinema| 适合在家随便看看，不值得专门去电影院。
        """),
    ),
    "software": dict(
        items=["这款软件", "这个应用"],
        open=dict(
            pos=["{item}用了{dur}，已经离不开了。", "试了好几个同类产品，最后留下了{item}。"],
            neg=["{item}用了{dur}就卸载了。", "花钱订阅了{item}，真后悔。"],
            neu=["{item}基本能用。", "{item}用了{dur}，感觉还行。"],
        ),
        pos=tagged("""
            ui| 界面简洁，上手很快。
            sync| 手机和电脑之间同步非常及时，从来没丢过数据。
            stability| 用了这么久一次都没闪退过。
            updates| 更新很频繁，每次都有实用的新功能。
            support| 客服回复很快，问题当天就解决了。
            pricing| 免费版功能就很够用，付费版价格也合理。
        """),
        neg=tagged("""
            stability| 导出文件的时候总是闪退。
            ui| 更新之后界面全变了，很多功能都找不到了。
            sync| 同步经常出问题，我的笔记已经丢了两次。
            pricing| 基础功能都要付费订阅，太坑了。
            speed| 启动特别慢，新电脑上也要等一分钟。
            support| 提交的工单三个星期都没人回复。
        """),
        neu=tagged("""
            features| 功能基本够用，但没什么高级功能。
            stability| 偶尔会卡一下，不过自动保存还算靠谱。
            ui| 界面有点过时，但用起来没问题。
            pricing| 订阅价格有点贵，功能还算可以。
        """),
    ),
    "clothing": dict(
        items=["这件外套", "这件羽绒服", "这件冲锋衣"],
        open=dict(
            pos=["{item}买了{dur}，几乎天天穿。", "{item}实物比图片还好看。"],
            neg=["{item}穿了一次就退了。", "{item}和网上的图片差距太大了。"],
            neu=["{item}日常穿穿还行。", "{item}对得起这个价格。"],
        ),
        pos=tagged("""
            fit| 尺码很标准，穿上很合身。
            fabric| 面料柔软舒服，质感很好。
            wash| 洗了好几次也没有缩水褪色。
            stitching| 做工精细，线头处理得很干净。
            colour| 颜色和图片一模一样，很好看。
            warmth| 很保暖，但一点也不臃肿。
        """),
        neg=tagged("""
            wash| 洗了一次就缩水了两个码。
            fabric| 面料又薄又扎，还透光。
            stitching| 穿了一周线就开了。
            colour| 颜色和图片差太多了，像褪了色一样。
            fit| 尺码完全不准，M码穿着像XS。
            zip| 拉链用了三次就坏了。
        """),
        neu=tagged("""
            fit| 版型还可以，就是腰部有点宽松。
            fabric| 面料一般，没有想象中那么软。
            colour| 颜色比图片稍微深一点。
            sizing| 尺码偏小，建议买大一码。
        """),
    ),
    "groceries": dict(
        items=["这家生鲜平台", "这个买菜平台"],
        open=dict(
            pos=["在{item}买菜{dur}了，一直很满意。", "第一次在{item}下单，体验很好。"],
            neg=["在{item}买的菜，这次让我很失望。", "{item}最近越来越差了。"],
            neu=["{item}总体还算方便。", "在{item}买菜有好有坏。"],
        ),
        pos=tagged("""
            produce| 水果蔬菜都很新鲜，保质期也很长。
            driver| 配送员准时送到，还帮忙搬到门口。
            eggs| 鸡蛋一个都没破，包装很用心。
            price| 价格和超市差不多，经常有优惠。
            frozen| 冷冻食品送到时还是冻得硬硬的。
            ripe| 牛油果熟度刚好，和备注要求的一样。
        """),
        neg=tagged("""
            produce| 一半的水果都磕坏了，草莓还发霉了。
            dates| 牛奶送到第二天就过期了。
            driver| 配送员迟到了三个小时，也没有提前通知。
            eggs| 十二个鸡蛋碎了六个。
            bread| 面包被压扁了，而且已经不新鲜了。
            missing| 少送了一整袋东西，却照样收了钱。
        """),
        neu=tagged("""
            produce| 蔬菜质量时好时坏。
            driver| 配送基本准时，偶尔会晚半小时。
            price| 价格和其他超市差不多。
            subs| 替换的商品有时合适，有时不合适。
        """),
    ),
}
assert sorted(ZH_TOPICS) == sorted(TOPICS)


ZH_ECHO_WORDS = ("总体", "推荐", "五星", "后悔", "失望", "一般", "值得")


def zh_but(rng, sentence, before):
    """Attach a contrastive 'but' (不过/可惜/但是) that the review has not used yet;
    sentences that already contain a 'but' get a neutral '另外，' instead."""
    if "不过" in sentence or "但" in sentence:
        return "另外，" + sentence
    options = [w for w in ("不过", "可惜", "但是") if w not in "".join(before)]
    return rng.choice(options or ["另外，"]) + sentence


def make_zh_review(rng, topic, stars, split="train"):
    B = BANKS[split]
    T, ZH_OPENERS, ZH_CLOSERS = B["zh_topics"][topic], B["zh_openers"], B["zh_closers"]
    pol = polarity(stars)
    slots = dict(item=rng.choice(T["items"]), dur=rng.choice(ZH_DURATIONS))
    parts = []
    if rng.random() < 0.6:
        if rng.random() < 0.5:
            parts.append(rng.choice(T["open"][pol]))
        else:
            parts.append(rng.choice(ZH_OPENERS[stars]))
    used = set()
    if stars == 3:
        parts += pick_aspects(rng, T["neu"], rng.randint(1, 2), used)
        if rng.random() < 0.5:
            parts += pick_aspects(rng, T["pos"], 1, used)
            parts += [zh_but(rng, s, parts) for s in pick_aspects(rng, T["neg"], 1, used)]
    else:
        n = {5: (1, 3), 4: (1, 3), 2: (1, 2), 1: (2, 3)}[stars]
        parts += pick_aspects(rng, T[pol], rng.randint(*n), used)
        if stars == 4 and rng.random() < 0.5:
            parts += [zh_but(rng, s, parts) for s in pick_aspects(rng, T["neu"], 1, used)]
        if stars == 2 and rng.random() < 0.4:
            parts += pick_aspects(rng, T["neu"], 1, used)
    if rng.random() < 0.65 or len(parts) < 2:
        said = "".join(parts)
        options = [c for c in ZH_CLOSERS[stars]
                   if not any(w in c and w in said for w in ZH_ECHO_WORDS)]
        parts.append(rng.choice(options or ZH_CLOSERS[stars]))
    return "".join(p.format(**slots) for p in parts)


CONNECTOR_RE = re.compile("^(?:%s)" % "|".join(sorted({re.escape(c) for cs in CONNECTORS.values() for c in cs},
                                                       key=len, reverse=True)))


def sentences(text, lang):
    """The sentences of a review, lower-cased and without a leading connector ('Also, ')."""
    if lang == "any":   # a phrase of either language
        lang = "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"
    parts = re.split(r"(?<=[.!?])\s+", text) if lang == "en" else re.findall(r"[^。！？]+[。！？]*", text)
    out = []
    for p in parts:
        p = p.strip()
        if lang == "zh":
            p = re.sub("^(?:不过|可惜|但是|另外，)", "", p)
        p = CONNECTOR_RE.sub("", p).lower()
        if p:
            out.append(p)
    return out


def bank_lines(obj):
    """Every phrase (text only) in a nested dict of banks, slot fillers excluded."""
    if isinstance(obj, dict):
        return [t for k, v in obj.items() if k != "items" for t in bank_lines(v)]
    return [b[1] if isinstance(b, tuple) else b for b in obj]


ALL_BANKS = (TOPICS, GENERIC_OPENERS, GENERIC_CLOSERS, ZH_TOPICS, ZH_OPENERS, ZH_CLOSERS)
# sentences that occur in more than one phrase ("It's fine." alone and inside a one-liner): train only
_sent_count = collections.Counter(s for b in ALL_BANKS for t in set(bank_lines(b)) for s in set(sentences(t, "any")))
SHARED_SENTENCES = set(s for s, n in _sent_count.items() if n > 1)


def partition(bank):
    """Split one phrase bank into the lines train reviews may use and those test reviews may use.

    Lines are ordered by the SHA-1 of their text and every HELD_OUT_EVERY-th goes to test (at least
    one per bank), skipping lines that share a sentence with another phrase; no line is on both sides.
    """
    text = lambda b: b[1] if isinstance(b, tuple) else b
    free = [i for i in range(len(bank)) if not set(sentences(text(bank[i]), "any")) & SHARED_SENTENCES]
    if len(bank) < 2 or not free:
        raise SystemExit("a phrase bank needs two lines, one of them unshared, to be split: %r" % (bank,))
    free.sort(key=lambda i: hashlib.sha1(text(bank[i]).encode("utf-8")).hexdigest())
    test = set(free[::HELD_OUT_EVERY]) if len(free) * HELD_OUT_EVERY > len(bank) else {free[0]}
    test = test if len(test) < len(bank) else {free[0]}
    return dict(train=[b for i, b in enumerate(bank) if i not in test],
                test=[b for i, b in enumerate(bank) if i in test])


def banks_for(obj, split):
    """The `split` side of every phrase bank in a (nested) dict of banks; slot fillers (`items`) stay shared."""
    if isinstance(obj, dict):
        return {k: (v if k == "items" else banks_for(v, split)) for k, v in obj.items()}
    return partition(obj)[split]


BANKS = {split: dict(topics=banks_for(TOPICS, split), openers=banks_for(GENERIC_OPENERS, split),
                     closers=banks_for(GENERIC_CLOSERS, split), zh_topics=banks_for(ZH_TOPICS, split),
                     zh_openers=banks_for(ZH_OPENERS, split), zh_closers=banks_for(ZH_CLOSERS, split))
         for split in ("train", "test")}


def split_for(i):
    """Row i of a (topic, language) block: the first 5 of every 25 (one per star level) are test reviews."""
    return "test" if (i // 5) % 5 == 0 else "train"


def make_reviews(rng):
    rows = []
    seen = set()

    def unique(maker, topic, stars, split):
        for _ in range(200):
            text = maker(rng, topic, stars, split)
            if text not in seen:
                seen.add(text)
                return text
        raise RuntimeError("could not make a unique review for %s/%d" % (topic, stars))

    for lang, per_topic, maker in (("en", N_EN_PER_TOPIC, make_en_review),
                                   ("zh", N_ZH_PER_TOPIC, make_zh_review)):
        for topic in TOPIC_NAMES:
            for i in range(per_topic):
                stars = 5 - (i % 5)          # equal share of 1..5 stars per topic
                split = split_for(i)         # test reviews use only the held-out phrases
                rows.append(dict(text=unique(maker, topic, stars, split), stars=stars,
                                 label=label_for(stars), topic=topic, lang=lang, split=split))
    rng.shuffle(rows)
    for i, row in enumerate(rows, 1):
        row["id"] = "r%04d" % i
    return rows


def leaked_sentences(rows):
    """Sentences of test reviews that also occur in some train review (must be none)."""
    train = set(s for r in rows if r["split"] == "train" for s in sentences(r["text"], r["lang"]))
    return sorted(set(s for r in rows if r["split"] == "test" for s in sentences(r["text"], r["lang"])) & train)


# ---------------------------------------------------------------------------
# Named-entity recognition
# ---------------------------------------------------------------------------
# Templates are pre-tokenised (tokens separated by single spaces, punctuation
# split off). Two kinds of markup:
#   {SLOT}          filled from the banks below; the slot decides the tag
#   [text](TYPE)    a fixed entity written into the template
# A bank value starting with "the " keeps "the" outside the entity (tag O),
# as in CoNLL-2003; it is capitalised when it starts the sentence.

NER_TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]

PEOPLE = lines("""
    Maria Lopez
    Wei Zhang
    Amara Okafor
    James O'Neill
    Priya Sharma
    Lukas Becker
    Sofia Rossi
    Kenji Tanaka
    Fatima Al-Sayed
    Daniel Kim
    Chloe Martin
    Olu Adeyemi
    Anna Kowalski
    Mateo Fernandez
    Hannah Schmidt
    Ravi Patel
    Elena Petrova
    Tom Whitaker
    Yuki Sato
    Grace Mensah
    Jean-Luc Moreau
    Ines Carvalho
    Omar Haddad
    Mei Lin
    Carlos Mendoza
    Sarah O'Connor
    Ahmed Hassan
    Lena Johansson
    David Cohen
    Aisha Bello
    Mark van der Berg
    Julia Novak
    Samuel Osei
    Nora Lindqvist
    Ethan Brooks
    Leila Rahimi
    Tomás Herrera
    Hye-jin Park
    Bruno Costa
    Ngozi Eze
""")
FIRST_NAMES = lines("""
    Marta
    Kofi
    Ben
    Aiko
    Lucia
    Tariq
    Nina
    Jonas
    Rosa
    Sam
    Dmitri
    Zara
""")
# (city, country, nationality adjective, a language spoken there)
PLACES = [
    ("Paris", "France", "French", "French"),
    ("Berlin", "Germany", "German", "German"),
    ("Lagos", "Nigeria", "Nigerian", "Yoruba"),
    ("Tokyo", "Japan", "Japanese", "Japanese"),
    ("São Paulo", "Brazil", "Brazilian", "Portuguese"),
    ("Mumbai", "India", "Indian", "Hindi"),
    ("Nairobi", "Kenya", "Kenyan", "Swahili"),
    ("Toronto", "Canada", "Canadian", "English"),
    ("Madrid", "Spain", "Spanish", "Spanish"),
    ("Seoul", "South Korea", "South Korean", "Korean"),
    ("Buenos Aires", "Argentina", "Argentine", "Spanish"),
    ("Cape Town", "South Africa", "South African", "Afrikaans"),
    ("Amsterdam", "the Netherlands", "Dutch", "Dutch"),
    ("Lisbon", "Portugal", "Portuguese", "Portuguese"),
    ("Chicago", "the United States", "American", "English"),
    ("Kuala Lumpur", "Malaysia", "Malaysian", "Malay"),
    ("Zurich", "Switzerland", "Swiss", "German"),
    ("Melbourne", "Australia", "Australian", "English"),
    ("Dublin", "Ireland", "Irish", "Irish"),
    ("Cairo", "Egypt", "Egyptian", "Arabic"),
    ("Mexico City", "Mexico", "Mexican", "Spanish"),
    ("Osaka", "Japan", "Japanese", "Japanese"),
    ("Hanoi", "Vietnam", "Vietnamese", "Vietnamese"),
    ("Istanbul", "Turkey", "Turkish", "Turkish"),
    ("Stockholm", "Sweden", "Swedish", "Swedish"),
    ("Warsaw", "Poland", "Polish", "Polish"),
    ("Accra", "Ghana", "Ghanaian", "Twi"),
    ("Bogotá", "Colombia", "Colombian", "Spanish"),
    ("Jakarta", "Indonesia", "Indonesian", "Indonesian"),
    ("New York", "the United States", "American", "English"),
    ("Lyon", "France", "French", "French"),
    ("Hamburg", "Germany", "German", "German"),
]
LANGUAGES = ["English", "French", "German", "Spanish", "Portuguese", "Mandarin",
             "Arabic", "Swahili", "Hindi", "Japanese", "Korean", "Italian",
             "Russian", "Turkish", "Dutch", "Polish"]
COMPANIES = ["Apple", "Google", "Microsoft", "Hugging Face", "Siemens", "Samsung",
             "Spotify", "IKEA", "Airbus", "Nestlé", "Toyota", "Volkswagen", "Philips",
             "SAP", "Infosys", "Shopify", "Mercado Libre", "Deutsche Telekom"]
FICTIONAL_COMPANIES = ["Northwind Traders", "Bluefin Analytics", "Acme Robotics",
                       "Helios Energy", "Lumen Labs", "Tidewater Logistics",
                       "Pinecone Games", "Kestrel Software", "Greenway Mobility",
                       "Silverline Health", "Orbit Foods", "Copperleaf Bakery",
                       "Harbour Point Studios", "Redwood Insurance"]
UNIVERSITIES = ["Stanford University", "the University of Oxford", "ETH Zurich",
                "the University of Tokyo", "the University of Cape Town",
                "Sorbonne University", "McGill University",
                "the National University of Singapore", "the University of São Paulo",
                "the Technical University of Munich", "the University of Nairobi", "MIT"]
# (organisation, the city of its headquarters)
INSTITUTIONS = [("the United Nations", "New York"),
                ("the World Health Organization", "Geneva"),
                ("the European Commission", "Brussels"),
                ("the World Bank", "Washington"),
                ("UNESCO", "Paris"),
                ("the Red Cross", "Geneva"),
                ("the International Monetary Fund", "Washington"),
                ("the African Union", "Addis Ababa"),
                ("the OECD", "Paris")]
AID_ORGS = ["the Red Cross", "UNICEF", "Médecins Sans Frontières", "Oxfam",
            "the World Food Programme", "Save the Children"]
MEDIA = ["the BBC", "Reuters", "Al Jazeera", "Le Monde", "Der Spiegel",
         "the Associated Press", "the Financial Times", "the Guardian", "NHK", "El País"]
# clubs that plausibly meet each other, with competitions they play in
CLUB_GROUPS = [
    (["Real Madrid", "Bayern Munich", "Manchester United", "Ajax", "Juventus",
      "Arsenal", "Benfica", "Celtic", "Paris Saint-Germain", "Inter Milan"],
     ["the Champions League", "the Europa League"]),
    (["Boca Juniors", "Flamengo", "River Plate", "Palmeiras", "Peñarol"],
     ["the Copa Libertadores", "the Copa Sudamericana"]),
]
AIRLINES = ["Lufthansa", "Air France", "Emirates", "Qantas", "Kenya Airways", "KLM",
            "Singapore Airlines", "LATAM", "Turkish Airlines"]
RAIL_COMPANIES = ["Deutsche Bahn", "SNCF", "Swiss Federal Railways", "Trenitalia", "ÖBB"]
EURO_CITIES = ["Paris", "Berlin", "Munich", "Zurich", "Vienna", "Milan", "Lyon",
               "Cologne", "Frankfurt", "Basel", "Strasbourg", "Salzburg", "Hamburg",
               "Brussels", "Amsterdam"]
# (maker, product)
PRODUCTS = [("Apple", "iPhone"), ("Apple", "MacBook Air"), ("Google", "Pixel"),
            ("Sony", "PlayStation"), ("Microsoft", "Surface Pro"), ("Nintendo", "Switch"),
            ("Amazon", "Kindle"), ("Toyota", "Prius"), ("Lenovo", "ThinkPad"),
            ("Samsung", "Galaxy Watch"), ("Volkswagen", "Golf"), ("DJI", "Mavic")]
SOFTWARE = ["Firefox", "Ubuntu", "Photoshop", "LibreOffice", "Visual Studio Code",
            "Blender", "JupyterLab", "Excel", "Android"]
PROG_LANGS = ["Python", "Rust", "JavaScript", "TypeScript", "Kotlin", "Java", "Go",
              "Haskell", "C++", "Swift"]
LAKES = ["Lake Geneva", "Lake Como", "Lake Victoria", "Lake Tahoe", "Lake Baikal",
         "Loch Ness", "Lake Titicaca", "Lake Bled"]
MOUNTAINS = ["the Alps", "the Andes", "the Rocky Mountains", "the Pyrenees",
             "the Scottish Highlands", "the Atlas Mountains", "the Himalayas",
             "the Dolomites"]
SEAS = ["the Pacific Ocean", "the Indian Ocean", "the Red Sea", "the Caribbean Sea",
        "the Mediterranean", "the Atlantic"]
# (river, a city it really flows through)
RIVERS = [("the Danube", "Vienna"), ("the Seine", "Paris"), ("the Thames", "London"),
          ("the Rhine", "Cologne"), ("the Tiber", "Rome"), ("the Nile", "Cairo"),
          ("the Vltava", "Prague"), ("the Spree", "Berlin"), ("the Tagus", "Lisbon"),
          ("the Chao Phraya", "Bangkok"), ("the Douro", "Porto"), ("the Neva", "Saint Petersburg")]
NATIONAL_TOURNAMENTS = ["the World Cup", "the Rugby World Cup", "the Cricket World Cup",
                        "the Copa América", "the Africa Cup of Nations",
                        "the European Championship"]
MULTI_SPORT_GAMES = ["the Olympic Games", "the Commonwealth Games", "the Paralympic Games",
                     "the Asian Games", "the Winter Olympics"]
MARATHONS = ["the Berlin Marathon", "the Boston Marathon", "the London Marathon",
             "the Tokyo Marathon", "the New York City Marathon", "the Chicago Marathon"]
CYCLING_TOURS = ["the Tour de France", "the Giro d'Italia", "the Vuelta a España"]
FILM_FESTIVALS = ["the Cannes Film Festival", "the Venice Film Festival",
                  "the Sundance Film Festival", "the Berlin International Film Festival",
                  "the Toronto International Film Festival"]
FESTIVALS = ["the Glastonbury Festival", "Oktoberfest", "the Eurovision Song Contest",
             "the Edinburgh Fringe", "the Montreux Jazz Festival", "the Notting Hill Carnival"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

SLOT_TYPES = {
    "PER": "PER", "PER2": "PER", "PER3": "PER", "FIRST": "PER",
    "CITY": "LOC", "CITY2": "LOC", "CITY3": "LOC", "COUNTRY": "LOC", "COUNTRY2": "LOC",
    "ECITY": "LOC", "ECITY2": "LOC", "LAKE": "LOC", "MOUNT": "LOC", "SEA": "LOC",
    "RIVER": "LOC", "RCITY": "LOC", "INSTCITY": "LOC",
    "NAT": "MISC", "NAT2": "MISC", "LANG": "MISC", "LANGX": "MISC", "LANGY": "MISC",
    "LANGZ": "MISC", "PROD": "MISC", "SWPROD": "MISC", "PLANG": "MISC", "PLANG2": "MISC",
    "TOURNAMENT": "MISC", "GAMES": "MISC", "MARATHON": "MISC", "TOUR": "MISC",
    "FILMFEST": "MISC", "FEST": "MISC",
    "CO": "ORG", "CO2": "ORG", "AIDORG": "ORG", "FICTCO": "ORG", "UNI": "ORG", "UNI2": "ORG", "INST": "ORG",
    "MEDIA": "ORG", "TEAM": "ORG", "TEAM2": "ORG", "CLUBCOMP": "MISC", "AIRLINE": "ORG",
    "RAIL": "ORG", "PRODCO": "ORG",
    "YEAR": "O", "MONTH": "O",
}

NER_TEMPLATES = lines("""
    {PER} works as a data scientist at {CO} in {CITY} .
    {PER} moved from {CITY} to {CITY2} last spring .
    {FICTCO} opened a new office in {CITY} this year .
    {NAT} fans celebrated in the streets of {CITY2} after {TOURNAMENT} final .
    {PER} speaks {LANGX} , {LANGY} and a little {LANGZ} .
    Last week , {PER} gave a talk about {PLANG} at {UNI} .
    {PER} and {PER2} founded {FICTCO} in {YEAR} .
    {INST} published a new report on the economy of {COUNTRY} .
    According to {MEDIA} , {PRODCO} will launch a new version of the {PROD} next year .
    {PER} bought the new {PROD} as a present for {FIRST} .
    We took the train from {ECITY} to {ECITY2} with {RAIL} .
    {PER} flew to {CITY} with {AIRLINE} on Friday .
    Our hotel was right on the shore of {LAKE} .
    {PER} spent the summer hiking in {MOUNT} .
    {RIVER} flows through the centre of {RCITY} .
    {PER} grew up in {COUNTRY} and now lives in {CITY2} .
    {PER} is learning {LANG} before moving to {CITY} in {MONTH} .
    The new {NAT} restaurant near the station is run by {PER} .
    {TEAM} beat {TEAM2} by two goals on Saturday night .
    {PER} scored twice as {TEAM} won {CLUBCOMP} final .
    {PER} , a researcher at {UNI} , studies coral reefs in {SEA} .
    {PER} joined {CO} as head of design after ten years at {CO2} .
    The annual developer conference will take place in {CITY} from 12 to 14 {MONTH} .
    {PER} wrote most of the code in {PLANG} .
    Tickets for {FEST} sold out in minutes .
    {PER} won an award at {FILMFEST} for a short film about {CITY} .
    {AIDORG} sent aid workers to {COUNTRY} after the floods .
    {PER} told {MEDIA} that the project would be finished by {MONTH} .
    Is {PER} still working for {FICTCO} ?
    {FIRST} and I met at a café in {CITY} .
    {PER} translated the novel from {LANGX} into {LANGY} .
    {CO} and {FICTCO} announced a partnership on Monday .
    The {NAT} government signed a trade agreement with {COUNTRY2} .
    {PER} ran {MARATHON} in under three hours .
    After the meeting in {CITY} , {PER} flew back to {CITY2} .
    {PER} is the new chief executive of {FICTCO} .
    A team from {UNI} and {UNI2} built the robot in six months .
    The museum in {CITY} has a famous collection of {NAT2} paintings .
    My cousin lives near {LAKE} and swims there every morning .
    {PER} and {PER2} got married in {CITY} last {MONTH} .
    {PER} works for {INST} in {INSTCITY} .
    {PER} installed {SWPROD} on every computer in the office .
    The {NAT} cyclist won a mountain stage of {TOUR} .
    {PER} reported live from {CITY} for {MEDIA} .
    Why did {FICTCO} close its factory in {CITY} ?
    The flight from {CITY} to {CITY2} was delayed by three hours .
    {PER} used {PLANG} and {PLANG2} to build the website for {FICTCO} .
    {PER} downloaded a model from the [Hugging Face Hub](MISC) and fine-tuned it on {LANG} news articles .
    {PER} , who was born in {CITY} , now teaches {LANGX} at {UNI} .
    Volunteers from {AIDORG} arrived in {CITY} on Tuesday .
    {PER} moved to {COUNTRY} to work for {FICTCO} .
    Rents in {CITY} have doubled in the last ten years .
    {TEAM} signed the {NAT} midfielder {PER} for a record fee .
    {PER} presented the results at a workshop in {CITY} organised by {UNI} .
    {PER} quit {CO} to open a bakery in {CITY} .
    The next train to {ECITY} leaves from platform 4 .
    {PER} asked {PER2} to review the {PLANG} code before Friday .
    {PER} interviewed {PER2} for a podcast about life in {CITY} .
    {NAT} and {NAT2} scientists are working together on the vaccine .
    Negotiations between {CO} and the {NAT} government stalled last week .
    {PER} took the ferry across {LAKE} to visit {FIRST} .
    {PER} has supported {TEAM} since childhood .
    An exhibition about {NAT} cinema opens in {CITY} next month .
    {PER} recommended {SWPROD} to the whole team .
    {FICTCO} , based in {CITY} , is hiring twenty engineers .
    {PER} competed in the 400 metres at {GAMES} .
    Did you know that {FIRST} once lived in {CITY} ?
    {PER} is writing a book about the history of {CITY} .
    Shares in {CO} rose sharply after the announcement .
    {PER} , {PER2} and {PER3} will represent {COUNTRY} at {GAMES} .
    The {NAT} ambassador met {PER} in {CITY2} on Wednesday .
    {PER} spent a semester at {UNI} studying {LANGX} literature .
    Heavy snow closed the roads through {MOUNT} for two days .
    {FIRST} , can you book a table for six in {CITY} ?
    {PER} hopes to sail across {SEA} next year .
    Engineers at {PRODCO} spent three years redesigning the {PROD} .
    {PER} has worked as a nurse in {CITY} , {CITY2} and {CITY3} .
    {PER} led a workshop on the [Transformers](MISC) library at {UNI} .
    We spent a lazy afternoon on a boat on {RIVER} during our week in {RCITY} .
    {PER} thanked {FIRST} for the {LANGX} lessons .
""")

# Sentences without any entity.
NER_NO_ENTITY = lines("""
    The meeting has been moved to next Thursday .
    Please send me the final version of the slides by tomorrow .
    It rained all afternoon , so we stayed inside and played cards .
    The model was trained for three epochs on a single GPU .
    Our neighbours adopted a very energetic puppy .
    I forgot my umbrella again .
    The library closes early on Sundays .
    She finished the race in just under four hours .
    The recipe needs two eggs , a cup of flour and some butter .
    Nobody expected the results to be so good .
    Can you check whether the server is still running ?
    The kids built a sandcastle that was taller than they were .
    We need more training data before the next experiment .
    The bakery on the corner sells out of croissants by nine .
    He fixed the bug in less than ten minutes .
    The new update makes the app much faster .
    Our flight was cancelled because of the storm .
    The museum is free on the first Sunday of every month .
    Her grandmother still writes letters by hand .
    The accuracy improved after we cleaned the labels .
    Turn left at the second traffic light .
    They painted the kitchen a pale shade of green .
""")

# Hand-tagged sentences about real people, places and organisations.
NER_FIXED = lines("""
    [Apple](ORG) was founded by [Steve Jobs](PER) in [Cupertino](LOC) .
    [Marie Curie](PER) was born in [Warsaw](LOC) and later worked in [Paris](LOC) .
    [Ada Lovelace](PER) wrote about the [Analytical Engine](MISC) designed by [Charles Babbage](PER) .
    [Hugging Face](ORG) was founded in [New York](LOC) by three [French](MISC) entrepreneurs .
    [Guido van Rossum](PER) created the [Python](MISC) programming language .
    [Nelson Mandela](PER) was released from prison in 1990 .
    [Serena Williams](PER) won her first [Wimbledon](MISC) singles title in 2002 .
    [Usain Bolt](PER) won the 100 metres at the 2008 [Olympic Games](MISC) in [Beijing](LOC) .
    [Tim Berners-Lee](PER) invented the [World Wide Web](MISC) while working at [CERN](ORG) .
    [Frida Kahlo](PER) lived most of her life in [Mexico City](LOC) .
    [Linus Torvalds](PER) released the first version of [Linux](MISC) in 1991 .
    [Angela Merkel](PER) was chancellor of [Germany](LOC) for sixteen years .
    [Deutsche Bahn](ORG) runs high-speed [ICE](MISC) trains between [Berlin](LOC) and [Munich](LOC) .
    The [United Nations](ORG) has its headquarters in [New York](LOC) .
    [Chimamanda Ngozi Adichie](PER) was born in [Nigeria](LOC) .
    [Lionel Messi](PER) won the [World Cup](MISC) with [Argentina](LOC) in 2022 .
    [Haruki Murakami](PER) writes his novels in [Japanese](MISC) .
    [Greta Thunberg](PER) sailed across the [Atlantic](LOC) to attend a climate summit in [New York](LOC) .
    [Jane Goodall](PER) studied chimpanzees in [Tanzania](LOC) .
    [Toyota](ORG) launched the [Prius](MISC) in [Japan](LOC) in 1997 .
    [Amazon](ORG) started out as an online bookshop .
    [Roger Federer](PER) was born in [Basel](LOC) , [Switzerland](LOC) .
    [Leonardo da Vinci](PER) painted the [Mona Lisa](MISC) .
    [Clément Delangue](PER) , [Julien Chaumond](PER) and [Thomas Wolf](PER) co-founded [Hugging Face](ORG) .
    The [Eiffel Tower](LOC) was built for a world fair held in [Paris](LOC) in 1889 .
    [Wangari Maathai](PER) founded the [Green Belt Movement](ORG) in [Kenya](LOC) .
""")

TOKEN_RE = re.compile(r"\[[^\]]+\]\([A-Z]+\)|\{[A-Z0-9]+\}|\S+")
MARKUP_RE = re.compile(r"\[([^\]]+)\]\(([A-Z]+)\)")
SLOT_RE = re.compile(r"\{([A-Z0-9]+)\}")


def ner_slot_values(rng):
    """Fill every slot once; a template only uses the ones it names."""
    people = rng.sample(PEOPLE, 3)
    p1, p2, p3 = rng.sample(PLACES, 3)
    while len({p1[0], p2[0], p3[0]}) < 3 or p1[1] == p2[1]:
        p1, p2, p3 = rng.sample(PLACES, 3)
    langs = rng.sample(LANGUAGES, 3)
    clubs, comps = rng.choice(CLUB_GROUPS)
    team, team2 = rng.sample(clubs, 2)
    inst, inst_city = rng.choice(INSTITUTIONS)
    prodco, prod = rng.choice(PRODUCTS)
    river, river_city = rng.choice(RIVERS)
    co, co2 = rng.sample(COMPANIES, 2)
    uni, uni2 = rng.sample(UNIVERSITIES, 2)
    ecity, ecity2 = rng.sample(EURO_CITIES, 2)
    plang, plang2 = rng.sample(PROG_LANGS, 2)
    return {
        "PER": people[0], "PER2": people[1], "PER3": people[2],
        "FIRST": rng.choice(FIRST_NAMES),
        "CITY": p1[0], "COUNTRY": p1[1], "NAT": p1[2], "LANG": p1[3],
        "CITY2": p2[0], "COUNTRY2": p2[1], "NAT2": p2[2], "CITY3": p3[0],
        "LANGX": langs[0], "LANGY": langs[1], "LANGZ": langs[2],
        "CO": co, "CO2": co2, "FICTCO": rng.choice(FICTIONAL_COMPANIES),
        "UNI": uni, "UNI2": uni2, "INST": inst, "INSTCITY": inst_city,
        "MEDIA": rng.choice(MEDIA), "AIDORG": rng.choice(AID_ORGS), "TEAM": team, "TEAM2": team2,
        "CLUBCOMP": rng.choice(comps), "AIRLINE": rng.choice(AIRLINES),
        "RAIL": rng.choice(RAIL_COMPANIES), "ECITY": ecity, "ECITY2": ecity2,
        "PRODCO": prodco, "PROD": prod, "SWPROD": rng.choice(SOFTWARE),
        "PLANG": plang, "PLANG2": plang2, "LAKE": rng.choice(LAKES),
        "MOUNT": rng.choice(MOUNTAINS), "SEA": rng.choice(SEAS),
        "RIVER": river, "RCITY": river_city,
        "TOURNAMENT": rng.choice(NATIONAL_TOURNAMENTS),
        "GAMES": rng.choice(MULTI_SPORT_GAMES), "MARATHON": rng.choice(MARATHONS),
        "TOUR": rng.choice(CYCLING_TOURS), "FILMFEST": rng.choice(FILM_FESTIVALS),
        "FEST": rng.choice(FESTIVALS), "YEAR": str(rng.randint(1998, 2023)),
        "MONTH": rng.choice(MONTHS),
    }


def entity_tokens(text, etype):
    toks = text.split(" ")
    if etype == "O":
        return toks, ["O"] * len(toks)
    return toks, ["B-" + etype] + ["I-" + etype] * (len(toks) - 1)


def render_ner(template, values):
    tokens, tags = [], []
    for piece in TOKEN_RE.findall(template):
        m = MARKUP_RE.fullmatch(piece)
        s = SLOT_RE.fullmatch(piece)
        if m:
            toks, tg = entity_tokens(m.group(1), m.group(2))
        elif s:
            name = s.group(1)
            value = values[name]
            etype = SLOT_TYPES[name]
            if etype != "O" and value.startswith("the "):
                toks, tg = entity_tokens(value[4:], etype)
                toks, tg = ["the"] + toks, ["O"] + tg
            else:
                toks, tg = entity_tokens(value, etype)
        else:
            toks, tg = [piece], ["O"]
        tokens += toks
        tags += tg
    tokens[0] = tokens[0][0].upper() + tokens[0][1:]
    return tokens, tags


def make_ner(rng):
    seen = set()
    sentences = []

    def add(tokens, tags):
        key = " ".join(tokens)
        if key in seen:
            return False
        seen.add(key)
        sentences.append((tokens, tags))
        return True

    for t in NER_FIXED + NER_NO_ENTITY:
        assert add(*render_ner(t, {}))
    order = list(NER_TEMPLATES)
    while len(sentences) < N_NER:
        rng.shuffle(order)
        for t in order:
            if len(sentences) >= N_NER:
                break
            for _ in range(20):
                if add(*render_ner(t, ner_slot_values(rng))):
                    break
    rng.shuffle(sentences)
    return [{"id": "n%03d" % i, "tokens": tok, "ner_tags": tag}
            for i, (tok, tag) in enumerate(sentences, 1)]


# ---------------------------------------------------------------------------
# Extractive question answering
# ---------------------------------------------------------------------------
# Each entry: title, context, and (question, answer) pairs. The answer must
# appear exactly once in the context, or the pair carries a third element:
# which occurrence (0-based) is meant. Contexts marked "fictional" describe
# invented towns, companies and people.

QA_DATA = [
    dict(title="Hugging Face", context=(
        "Hugging Face is creating tools to democratize machine learning. "
        "The company was founded in 2016 in New York City. It started out as a "
        "chatbot app for teenagers before turning to open-source software. Today "
        "its Hub hosts a huge number of open models and datasets."),
        qas=[("What is Hugging Face creating?", "tools to democratize machine learning"),
             ("In which year did Hugging Face get started?", "2016"),
             ("Which city was the company founded in?", "New York City"),
             ("What was the company's first product?", "a chatbot app for teenagers"),
             ("Besides models, what can you find on the Hub?", "datasets")]),
    dict(title="The Transformers library", context=(
        "The Transformers library provides thousands of pretrained models for text, "
        "vision and audio tasks. It supports PyTorch as well as other deep learning "
        "frameworks. A model can be loaded in a single line with the from_pretrained "
        "method. The pipeline function wraps preprocessing, inference and "
        "postprocessing into one call."),
        qas=[("What kinds of tasks are the library's pretrained models for?", "text, vision and audio tasks"),
             ("Which method is used to load a model?", "from_pretrained"),
             ("Which three steps does the pipeline function bundle together?", "preprocessing, inference and postprocessing"),
             ("Which deep learning framework is named as supported?", "PyTorch"),
             ("How much code does it take to load a model?", "a single line")]),
    dict(title="The Datasets library", context=(
        "The Datasets library lets you load a dataset from the Hub with the "
        "load_dataset function. Data is stored in Apache Arrow format, so large "
        "datasets can be memory-mapped from disk instead of loaded into RAM. The map "
        "method applies a function to every example and can process examples in "
        "batches. Very large datasets can be used in streaming mode instead of being downloaded."),
        qas=[("Which function fetches a dataset from the Hub?", "load_dataset"),
             ("What format does the library use to store data?", "Apache Arrow format"),
             ("How can big datasets be read without putting them all in RAM?", "memory-mapped from disk"),
             ("Which method runs a function over each example?", "The map method"),
             ("Which mode lets you use a dataset without downloading it first?", "streaming mode")]),
    dict(title="Tokenizers", context=(
        "Before a model can read text, a tokenizer splits it into smaller units "
        "called tokens and maps each one to an integer ID. Many modern tokenizers "
        "use subword algorithms such as byte-pair encoding or WordPiece. This lets a "
        "model handle rare words by breaking them into familiar pieces. The fast "
        "tokenizers in the Tokenizers library are written in Rust."),
        qas=[("What are the small units of text called?", "tokens"),
             ("What is each token converted into?", "an integer ID"),
             ("Name one subword algorithm mentioned in the text.", "byte-pair encoding"),
             ("How do subword tokenizers cope with unusual words?", "breaking them into familiar pieces"),
             ("Which programming language are the fast tokenizers implemented in?", "Rust")]),
    dict(title="Fine-tuning", context=(
        "Fine-tuning takes a model that was pretrained on a large general corpus and "
        "continues training it on a smaller, task-specific dataset. Because the model "
        "already knows a lot about language, fine-tuning usually needs far less data "
        "and compute than training from scratch. The Trainer class in Transformers "
        "handles the training loop, evaluation and checkpointing. A typical learning "
        "rate for fine-tuning is around 2e-5."),
        qas=[("What sort of data is used in the fine-tuning stage?", "a smaller, task-specific dataset"),
             ("Compared with training from scratch, what does fine-tuning need less of?", "data and compute"),
             ("Which class takes care of the training loop?", "The Trainer class"),
             ("What is a common learning rate when fine-tuning?", "around 2e-5"),
             ("What is the model trained on before fine-tuning?", "a large general corpus")]),
    dict(title="Model cards", context=(
        "A model card is a README file that documents a model on the Hub. It usually "
        "describes the training data, the intended uses and the known limitations of "
        "the model. Model cards also carry metadata such as the license and the "
        "languages the model supports. The idea was proposed in a 2018 paper by "
        "researchers at Google."),
        qas=[("What type of file is a model card?", "a README file"),
             ("Apart from uses and limitations, what does a model card usually cover?", "the training data"),
             ("Give one example of metadata stored in a model card.", "the license"),
             ("In what year was the concept of model cards published?", "2018"),
             ("Who came up with the idea?", "researchers at Google")]),
    dict(title="Spaces", context=(
        "Spaces let users host machine learning demos directly on the Hugging Face "
        "Hub. A Space can be built with Gradio, Streamlit or a custom Docker image. "
        "Free Spaces run on basic CPU hardware, while paid upgrades add GPUs. Many "
        "research papers now link to a Space so that readers can try the model in "
        "the browser."),
        qas=[("Where are Spaces hosted?", "the Hugging Face Hub"),
             ("Besides Gradio and Streamlit, what can a Space be built with?", "a custom Docker image"),
             ("What hardware does a free Space get?", "basic CPU hardware"),
             ("What do paid upgrades provide?", "GPUs"),
             ("What can readers of a paper do with a linked Space?", "try the model in the browser")]),
    dict(title="Pipelines", context=(
        "The pipeline function is the quickest way to use a pretrained model. "
        "Calling pipeline with the task name sentiment-analysis returns a classifier "
        "that labels text as positive or negative. If no model is specified, a "
        "default checkpoint is downloaded for the task. Other tasks include "
        "summarization, translation and named entity recognition."),
        qas=[("What is the fastest way to try a pretrained model?", "The pipeline function"),
             ("Which task name gives you a sentiment classifier?", "sentiment-analysis"),
             ("What labels does the sentiment classifier assign?", "positive or negative"),
             ("What happens if you don't choose a model yourself?", "a default checkpoint is downloaded"),
             ("Name a task other than sentiment analysis.", "summarization")]),
    dict(title="Evaluation metrics", context=(
        "Accuracy measures the share of predictions that are correct, but it can be "
        "misleading when one class is much more common than the others. In that "
        "case, the F1 score is often preferred because it balances precision and "
        "recall. For extractive question answering, the exact match score checks "
        "whether the predicted span is identical to the reference answer. The "
        "Evaluate library provides implementations of these metrics."),
        qas=[("What does accuracy measure?", "share of predictions that are correct"),
             ("Which metric is often preferred when classes are imbalanced?", "the F1 score"),
             ("Which two quantities does F1 balance?", "precision and recall"),
             ("For extractive QA, which metric rewards only perfectly identical spans?", "the exact match score"),
             ("Which library implements these metrics?", "The Evaluate library")]),
    dict(title="Quantization", context=(
        "Quantization shrinks a model by storing its weights with fewer bits, for "
        "example 8-bit or 4-bit integers instead of 32-bit floats. A quantized model "
        "uses less memory and often runs faster on CPUs. The trade-off is a small "
        "drop in accuracy. Libraries such as bitsandbytes make it possible to load "
        "large language models in 4-bit precision on a single GPU."),
        qas=[("How does quantization make a model smaller?", "storing its weights with fewer bits"),
             ("What number format do the weights use before quantization?", "32-bit floats"),
             ("What is the downside of quantizing a model?", "a small drop in accuracy"),
             ("Which library is given as an example?", "bitsandbytes"),
             ("On what kind of processor does a quantized model often run faster?", "CPUs")]),
    dict(title="Hub repositories", context=(
        "Every model, dataset and Space on the Hugging Face Hub lives in a Git "
        "repository, so changes are versioned just like code. Large files such as "
        "model weights are handled with Git LFS. Users can upload files with the "
        "huggingface_hub Python library or simply drag and drop them in the browser. "
        "Repositories can be public or private."),
        qas=[("What kind of repository stores each model on the Hub?", "a Git repository"),
             ("What handles big files like weights?", "Git LFS"),
             ("Which Python library can be used for uploads?", "huggingface_hub"),
             ("How can files be added without writing code?", "drag and drop"),
             ("What visibility settings can a repository have?", "public or private")]),
    dict(title="Neural networks", context=(
        "A neural network is built from layers of simple units called neurons. Each "
        "connection has a weight, and training adjusts these weights to reduce the "
        "error on example data. The algorithm that computes how each weight should "
        "change is called backpropagation. Networks with many layers are described "
        "as deep, which is where the term deep learning comes from."),
        qas=[("What are the basic units of a neural network called?", "neurons"),
             ("What is attached to every connection?", "a weight"),
             ("Why are the weights changed during training?", "to reduce the error"),
             ("Which algorithm works out how weights should change?", "backpropagation"),
             ("What word describes networks with many layers?", "deep", 0)]),
    dict(title="The Transformer architecture", context=(
        "The Transformer architecture was introduced in the 2017 paper Attention Is "
        "All You Need by researchers at Google. It replaced recurrence with a "
        "mechanism called self-attention, which lets every token look at every other "
        "token in a sequence. Because it processes tokens in parallel, it trains much "
        "faster on GPUs. BERT and GPT are both based on this architecture."),
        qas=[("What was the title of the paper that introduced the Transformer?", "Attention Is All You Need"),
             ("When was that paper published?", "2017"),
             ("What took the place of recurrence?", "self-attention"),
             ("Why does the Transformer train faster?", "it processes tokens in parallel"),
             ("Name a model built on the Transformer besides GPT.", "BERT")]),
    dict(title="Photosynthesis", context=(
        "Photosynthesis is the process plants use to turn light energy into chemical "
        "energy. It takes place mainly in the chloroplasts of leaf cells, which "
        "contain the green pigment chlorophyll. Using carbon dioxide and water, the "
        "plant produces glucose and releases oxygen as a by-product."),
        qas=[("Where in a plant does photosynthesis mostly happen?", "the chloroplasts of leaf cells"),
             ("What is the green pigment called?", "chlorophyll"),
             ("Which gas is given off?", "oxygen"),
             ("What sugar does the plant make?", "glucose"),
             ("What form of energy does light get converted into?", "chemical energy")]),
    dict(title="The water cycle", context=(
        "In the water cycle, the sun heats oceans and lakes, causing water to "
        "evaporate into the air. As the vapour rises and cools, it condenses into "
        "tiny droplets that form clouds. When the droplets grow heavy enough, they "
        "fall back to the ground as rain, snow or hail. Much of that water "
        "eventually flows back to the sea through rivers."),
        qas=[("What makes water evaporate from oceans?", "the sun"),
             ("What happens to the vapour once it cools?", "it condenses into tiny droplets"),
             ("What do the droplets form?", "clouds"),
             ("How does most of the water get back to the sea?", "through rivers"),
             ("Besides rain and snow, what else can fall from the clouds?", "hail")]),
    dict(title="Honeybees", context=(
        "A honeybee colony can contain up to 60,000 workers, a few hundred drones "
        "and a single queen. Worker bees are all female and do nearly all the jobs "
        "in the hive, from cleaning cells to collecting nectar. Bees communicate the "
        "location of flowers through a movement known as the waggle dance. The queen "
        "can lay up to 2,000 eggs in a single day."),
        qas=[("How many queens does a colony have?", "a single queen"),
             ("What sex are worker bees?", "female"),
             ("How do bees tell each other where flowers are?", "the waggle dance"),
             ("What is the largest number of eggs a queen can lay daily?", "2,000"),
             ("How large can the worker population get?", "60,000")]),
    dict(title="Black holes", context=(
        "A black hole is a region of space where gravity is so strong that nothing, "
        "not even light, can escape. The boundary around it is called the event "
        "horizon. In 2019, the Event Horizon Telescope collaboration released the "
        "first image of a black hole, located in the galaxy M87. Black holes form "
        "when very massive stars collapse at the end of their lives."),
        qas=[("What is the edge of a black hole called?", "the event horizon"),
             ("When was the first picture of a black hole published?", "2019"),
             ("In which galaxy is the black hole that was photographed?", "M87"),
             ("Which group produced the first image?", "the Event Horizon Telescope collaboration"),
             ("How do black holes come into being?", "when very massive stars collapse")]),
    dict(title="DNA", context=(
        "DNA carries the genetic instructions used by all known living organisms. "
        "Its shape, a double helix, was described by James Watson and Francis Crick "
        "in 1953, building on X-ray images taken by Rosalind Franklin. The molecule "
        "is made of four bases: adenine, thymine, guanine and cytosine."),
        qas=[("What shape does DNA have?", "a double helix"),
             ("In which year was the structure described?", "1953"),
             ("Whose X-ray pictures did the discovery rely on?", "Rosalind Franklin"),
             ("How many different bases make up DNA?", "four"),
             ("Who worked with Francis Crick on the structure?", "James Watson")]),
    dict(title="Volcanoes", context=(
        "A volcano forms where molten rock, called magma, reaches the surface of the "
        "Earth. Once it erupts, the molten rock is known as lava. Many of the world's "
        "active volcanoes sit along the Pacific Ring of Fire, a horseshoe-shaped zone "
        "around the Pacific Ocean. Volcanic ash can disrupt air travel for days, as "
        "happened after the 2010 eruption of Eyjafjallajökull in Iceland."),
        qas=[("What is molten rock called before it erupts?", "magma"),
             ("What name is given to molten rock after an eruption?", "lava"),
             ("Along which zone are many active volcanoes found?", "the Pacific Ring of Fire"),
             ("What shape is that zone?", "horseshoe-shaped"),
             ("Which Icelandic volcano grounded flights in 2010?", "Eyjafjallajökull")]),
    dict(title="Vaccines", context=(
        "Vaccines train the immune system to recognise a germ without causing the "
        "disease. Edward Jenner developed the first vaccine in 1796, using material "
        "from cowpox to protect against smallpox. Thanks to a global vaccination "
        "campaign, smallpox was declared eradicated in 1980."),
        qas=[("Who created the first vaccine?", "Edward Jenner"),
             ("What did Jenner use to make his vaccine?", "material from cowpox"),
             ("When was smallpox officially wiped out?", "1980"),
             ("In what year did Jenner develop his vaccine?", "1796"),
             ("What do vaccines teach the immune system to do?", "recognise a germ")]),
    dict(title="The Moon", context=(
        "The Moon is Earth's only natural satellite and orbits the planet roughly "
        "every 27 days. Its gravity is the main cause of ocean tides. In July 1969, "
        "Neil Armstrong became the first person to walk on its surface during the "
        "Apollo 11 mission. The Moon is slowly drifting away from Earth by about 3.8 "
        "centimetres each year."),
        qas=[("How long does the Moon take to circle the Earth?", "roughly every 27 days"),
             ("What does the Moon's gravity mainly cause?", "ocean tides"),
             ("Which astronaut first set foot on the Moon?", "Neil Armstrong"),
             ("Which mission first put people on the lunar surface?", "Apollo 11"),
             ("How far does the Moon move away from Earth every year?", "about 3.8 centimetres")]),
    dict(title="Octopuses", context=(
        "Octopuses have three hearts and blue blood. Two of the hearts pump blood to "
        "the gills, while the third circulates it to the rest of the body. About two "
        "thirds of an octopus's neurons are located in its eight arms rather than "
        "its brain. Octopuses can change the colour and texture of their skin in a "
        "fraction of a second to hide from predators."),
        qas=[("How many hearts does an octopus have?", "three"),
             ("What colour is octopus blood?", "blue"),
             ("Where do two of the hearts send blood?", "to the gills"),
             ("Where are most of an octopus's nerve cells?", "in its eight arms"),
             ("Why do octopuses change the look of their skin?", "to hide from predators")]),
    dict(title="Antibiotics", context=(
        "Alexander Fleming discovered penicillin in 1928 when he noticed that mould "
        "had killed bacteria in one of his petri dishes. Penicillin became widely "
        "available during the Second World War. Antibiotics work against bacteria but "
        "are useless against viruses such as the common cold. Overusing them has led "
        "to the rise of resistant bacteria."),
        qas=[("Who discovered penicillin?", "Alexander Fleming"),
             ("When was penicillin discovered?", "1928"),
             ("What had killed the bacteria in Fleming's dish?", "mould"),
             ("When did penicillin become easy to obtain?", "during the Second World War"),
             ("Give an example of an illness antibiotics cannot treat.", "the common cold")]),
    dict(title="Coral reefs", context=(
        "Coral reefs cover less than one percent of the ocean floor but support "
        "about a quarter of all marine species. Corals get their colour from tiny "
        "algae that live inside their tissues. When the water gets too warm, corals "
        "expel the algae and turn white, a process called bleaching. The Great "
        "Barrier Reef off the coast of Australia is the largest reef system in the world."),
        qas=[("How much of the seabed do reefs cover?", "less than one percent"),
             ("What share of ocean species rely on reefs?", "about a quarter"),
             ("What gives corals their colour?", "tiny algae"),
             ("What is it called when corals turn white?", "bleaching"),
             ("Where is the biggest reef system found?", "off the coast of Australia")]),
    dict(title="Emperor penguins", context=(
        "Emperor penguins are the tallest and heaviest of all penguin species. They "
        "breed during the harsh Antarctic winter. After laying a single egg, the "
        "female goes to sea to feed, while the male keeps the egg warm on his feet "
        "for about two months. To survive the cold, males huddle together in large groups."),
        qas=[("How do emperor penguins compare in size with other penguins?", "the tallest and heaviest"),
             ("When do they breed?", "during the harsh Antarctic winter"),
             ("Which parent looks after the egg?", "the male"),
             ("Where is the egg kept warm?", "on his feet"),
             ("How long does the father care for the egg?", "about two months")]),
    dict(title="The Amazon rainforest", context=(
        "The Amazon rainforest covers much of the Amazon basin in South America, and "
        "about 60 percent of it lies within Brazil. It is home to roughly one in ten "
        "known species on Earth. The forest absorbs large amounts of carbon dioxide, "
        "which is why its loss worries climate scientists. Deforestation is mainly "
        "driven by cattle ranching and farming."),
        qas=[("What share of the rainforest is in Brazil?", "about 60 percent"),
             ("On which continent is the Amazon?", "South America"),
             ("What proportion of known species live there?", "roughly one in ten"),
             ("Which gas does the forest soak up?", "carbon dioxide"),
             ("What are the main causes of forest loss?", "cattle ranching and farming")]),
    dict(title="Mount Everest", context=(
        "Mount Everest, on the border between Nepal and China, is the highest "
        "mountain above sea level, at 8,849 metres. Edmund Hillary and Tenzing Norgay "
        "reached the summit for the first time in May 1953. Climbers call the area "
        "above 8,000 metres the death zone because there is too little oxygen to "
        "survive for long."),
        qas=[("How tall is Mount Everest?", "8,849 metres"),
             ("Which two countries does the mountain sit between?", "Nepal and China"),
             ("Who were the first people to stand on the top?", "Edmund Hillary and Tenzing Norgay"),
             ("When was the first successful ascent?", "May 1953"),
             ("What do climbers call the region above 8,000 metres?", "the death zone")]),
    dict(title="Lisbon", context=(
        "Lisbon is the capital of Portugal and one of the oldest cities in Western "
        "Europe. It is built on seven hills overlooking the Tagus estuary. Much of "
        "the city was destroyed by an earthquake in 1755. Its yellow trams, "
        "especially the number 28 line, are a favourite with visitors."),
        qas=[("Lisbon is the capital of which country?", "Portugal"),
             ("How many hills does the city stand on?", "seven"),
             ("What body of water does Lisbon overlook?", "the Tagus estuary"),
             ("What disaster struck the city in 1755?", "an earthquake"),
             ("Which tram route is especially popular with tourists?", "the number 28 line")]),
    dict(title="Tokyo", context=(
        "Tokyo, the capital of Japan, is one of the largest metropolitan areas in the "
        "world, home to about 37 million people. The city was called Edo until 1868, "
        "when it became the imperial capital. Shibuya Crossing, one of the busiest "
        "pedestrian crossings on Earth, is a famous landmark. Tokyo hosted the Summer "
        "Olympics in 1964 and again in 2021."),
        qas=[("What was Tokyo's former name?", "Edo"),
             ("Until what year did the city have its old name?", "1868"),
             ("Roughly how many people live in the Tokyo area?", "about 37 million"),
             ("Which famous crossing is in Tokyo?", "Shibuya Crossing"),
             ("When did Tokyo first host the Summer Games?", "1964")]),
    dict(title="Nairobi", context=(
        "Nairobi is the capital and largest city of Kenya. It began as a railway "
        "depot on the line between Mombasa and Uganda at the end of the nineteenth "
        "century. Nairobi National Park lies just a few kilometres from the city "
        "centre, so giraffes and rhinos can be seen against a backdrop of "
        "skyscrapers. The city is also a hub for technology start-ups, sometimes "
        "nicknamed the Silicon Savannah."),
        qas=[("Which country is Nairobi the capital of?", "Kenya"),
             ("How did Nairobi start out?", "as a railway depot"),
             ("Which protected area is close to the city centre?", "Nairobi National Park"),
             ("Which animals can be spotted near the skyscrapers?", "giraffes and rhinos"),
             ("What nickname is given to the local tech scene?", "the Silicon Savannah")]),
    dict(title="Venice", context=(
        "Venice is built on more than 100 small islands in a lagoon in north-eastern "
        "Italy. Instead of roads, the city has canals, and the Grand Canal is its main "
        "waterway. Traditional flat-bottomed boats called gondolas are still used, "
        "mostly by tourists. The city is increasingly threatened by flooding, known "
        "locally as acqua alta."),
        qas=[("In which part of Italy is Venice?", "north-eastern Italy"),
             ("What is the city's main waterway?", "the Grand Canal"),
             ("What kind of boats are gondolas?", "Traditional flat-bottomed boats"),
             ("What do Venetians call the floods?", "acqua alta"),
             ("On how many islands is Venice built?", "more than 100")]),
    dict(title="Reykjavik", context=(
        "Reykjavik is the capital of Iceland and the northernmost capital of a "
        "sovereign state. Most of its homes are heated by geothermal water piped from "
        "nearby hot springs. In midsummer the sun barely sets, while in December "
        "there are only about four hours of daylight."),
        qas=[("Reykjavik is the capital of which country?", "Iceland"),
             ("How are most homes in the city heated?", "geothermal water"),
             ("Where does the hot water come from?", "nearby hot springs"),
             ("How much daylight is there in December?", "about four hours"),
             ("At what time of year does the sun hardly go down?", "midsummer")]),
    dict(title="Marrakesh", context=(
        "Marrakesh is a city in western Morocco, at the foot of the Atlas Mountains. "
        "Its old walled centre, the medina, is a maze of narrow streets and busy "
        "souks. At night the main square, Jemaa el-Fnaa, fills with food stalls, "
        "musicians and storytellers."),
        qas=[("In which country is Marrakesh?", "Morocco"),
             ("Which mountains rise near the city?", "the Atlas Mountains"),
             ("What is the old walled centre called?", "the medina"),
             ("What is the name of the main square?", "Jemaa el-Fnaa"),
             ("Besides musicians, who entertains crowds in the square after dark?", "storytellers")]),
    dict(title="Singapore", context=(
        "Singapore is an island city-state at the southern tip of the Malay "
        "Peninsula. It became independent in 1965. The city's hawker centres serve "
        "cheap, delicious food such as chicken rice and laksa. Changi Airport is "
        "regularly ranked among the best airports in the world."),
        qas=[("Which peninsula lies just north of Singapore?", "the Malay Peninsula"),
             ("When did Singapore gain independence?", "1965"),
             ("Name two dishes sold at hawker centres.", "chicken rice and laksa"),
             ("What is the name of Singapore's highly rated airport?", "Changi Airport"),
             ("What kind of food do hawker centres offer?", "cheap, delicious food")]),
    dict(title="Brackenford (fictional town)", context=(
        "Brackenford is a fictional market town on the banks of the River Wend. Its "
        "population of around 12,000 doubles every August during the Brackenford "
        "Cheese Fair. The town's oldest building is a stone bridge built in 1342. "
        "Most residents commute to the nearby city of Ashcombe by train."),
        qas=[("Which river runs past Brackenford?", "the River Wend"),
             ("About how many people live in the town?", "around 12,000"),
             ("When is the cheese fair held?", "every August"),
             ("What is the oldest structure in town?", "a stone bridge"),
             ("Where do most locals travel to for work?", "Ashcombe"),
             ("How do commuters get to the city?", "by train")]),
    dict(title="The printing press", context=(
        "Around 1440, Johannes Gutenberg developed a printing press with movable "
        "metal type in Mainz, Germany. His most famous work is the Gutenberg Bible, "
        "printed in the 1450s. The invention made books far cheaper and helped spread "
        "ideas across Europe."),
        qas=[("Who developed the printing press?", "Johannes Gutenberg"),
             ("In which city did he build it?", "Mainz"),
             ("What is the best-known book he printed?", "the Gutenberg Bible"),
             ("What kind of type did his press use?", "movable metal type"),
             ("What effect did the invention have on the price of books?", "far cheaper")]),
    dict(title="The Great Wall of China", context=(
        "The Great Wall of China is a series of fortifications built over many "
        "centuries to protect Chinese states from raids from the north. Most of the "
        "wall that survives today was built during the Ming dynasty. Including all of "
        "its branches, the wall stretches for more than 20,000 kilometres. Contrary "
        "to a popular myth, it cannot be seen from the Moon with the naked eye."),
        qas=[("What was the purpose of the Great Wall?", "to protect Chinese states from raids"),
             ("Under which dynasty was most of the surviving wall built?", "the Ming dynasty"),
             ("How long is the wall including its branches?", "more than 20,000 kilometres"),
             ("From which direction did the raids come?", "the north"),
             ("Despite the myth, from where is the wall invisible to the naked eye?", "the Moon")]),
    dict(title="The Berlin Wall", context=(
        "The Berlin Wall divided East and West Berlin from 1961 until 1989. It was "
        "built by the government of East Germany to stop people from fleeing to the "
        "West. On 9 November 1989, the border crossings were suddenly opened, and "
        "crowds began tearing down the wall. Germany was officially reunified less "
        "than a year later, on 3 October 1990."),
        qas=[("In what year did the Berlin Wall go up?", "1961"),
             ("Which government built it?", "the government of East Germany"),
             ("On what date were the crossings opened?", "9 November 1989"),
             ("When did German reunification officially happen?", "3 October 1990"),
             ("What did crowds start doing once the border opened?", "tearing down the wall")]),
    dict(title="The Silk Road", context=(
        "The Silk Road was a network of trade routes linking China with the "
        "Mediterranean world. It got its name from the valuable Chinese silk carried "
        "westwards, but spices, glass, paper and ideas travelled along it too. Cities "
        "such as Samarkand grew rich as stopping points for merchants. The routes "
        "were used for more than 1,500 years."),
        qas=[("Which region did the routes connect China to?", "the Mediterranean world"),
             ("Where does the name of the network come from?", "the valuable Chinese silk"),
             ("Name one good other than silk that was traded.", "spices"),
             ("Which city prospered as a stop for traders?", "Samarkand"),
             ("For how long were the routes in use?", "more than 1,500 years")]),
    dict(title="Magna Carta", context=(
        "Magna Carta was a charter agreed by King John of England at Runnymede in "
        "June 1215. It was forced on the king by a group of rebel barons. Among "
        "other things, it established the principle that the king was not above the "
        "law. Only four copies of the original 1215 document survive."),
        qas=[("Which king agreed to Magna Carta?", "King John of England"),
             ("Where was the charter agreed?", "Runnymede"),
             ("Who pressured the king into accepting it?", "a group of rebel barons"),
             ("How many original copies from 1215 still exist?", "four"),
             ("In what month and year was it sealed?", "June 1215")]),
    dict(title="The Great Pyramid of Giza", context=(
        "The Great Pyramid of Giza was built for the pharaoh Khufu around 2560 BC. "
        "For nearly 4,000 years it was the tallest human-made structure in the world. "
        "It was originally covered in smooth white limestone casing stones, most of "
        "which have since been removed. It is the only one of the Seven Wonders of "
        "the Ancient World still standing."),
        qas=[("For which pharaoh was the pyramid built?", "Khufu"),
             ("Roughly when was it constructed?", "around 2560 BC"),
             ("For how long did it hold the record as the tallest structure?", "nearly 4,000 years"),
             ("What was the pyramid's original outer layer?", "smooth white limestone casing stones"),
             ("What sets it apart from the other Seven Wonders?", "still standing")]),
    dict(title="The Rosetta Stone", context=(
        "The Rosetta Stone was discovered in 1799 by French soldiers in Egypt. It "
        "carries the same decree written in three scripts: hieroglyphic, Demotic and "
        "ancient Greek. Because scholars could read the Greek, the stone became the "
        "key to deciphering hieroglyphs. Jean-François Champollion announced his "
        "breakthrough in 1822. The stone is now displayed in the British Museum in London."),
        qas=[("Who found the Rosetta Stone?", "French soldiers"),
             ("How many scripts appear on the stone?", "three"),
             ("Which of the texts could scholars already understand?", "the Greek"),
             ("Who cracked the hieroglyphs?", "Jean-François Champollion"),
             ("Where can the stone be seen today?", "the British Museum in London")]),
    dict(title="The first modern Olympics", context=(
        "The first modern Olympic Games were held in Athens in 1896. Around 240 "
        "athletes from 14 nations took part, all of them men. The idea of reviving "
        "the ancient games came from the French educator Pierre de Coubertin. Women "
        "first competed at the Paris Games in 1900."),
        qas=[("Which city staged the first modern Olympics?", "Athens"),
             ("How many countries sent athletes?", "14"),
             ("Who came up with the idea of reviving the games?", "Pierre de Coubertin"),
             ("In which year did women first take part?", "1900"),
             ("Roughly how many athletes competed in 1896?", "Around 240")]),
    dict(title="The internet", context=(
        "The internet grew out of ARPANET, a network funded by the US Department of "
        "Defense in the late 1960s. In 1989, Tim Berners-Lee proposed the World Wide "
        "Web while working at CERN near Geneva. The first website went online in 1991 "
        "and explained how the web itself worked."),
        qas=[("Which network did the internet develop from?", "ARPANET"),
             ("Who paid for ARPANET?", "the US Department of Defense"),
             ("Who came up with the idea for the web?", "Tim Berners-Lee"),
             ("Where was he employed at the time?", "CERN"),
             ("What was the very first website about?", "how the web itself worked")]),
    dict(title="Risotto", context=(
        "A good risotto starts with short-grain rice such as arborio or carnaroli. "
        "The rice is first toasted in butter or oil, then hot stock is added one "
        "ladle at a time while stirring. Stirring releases starch, which gives the "
        "dish its creamy texture. It is usually finished with parmesan and a knob of "
        "cold butter."),
        qas=[("What type of rice is used for risotto?", "short-grain rice"),
             ("Name one suitable rice variety.", "arborio"),
             ("How should the stock be added?", "one ladle at a time"),
             ("What makes risotto creamy?", "starch"),
             ("Which cheese goes in at the end?", "parmesan")]),
    dict(title="Sourdough", context=(
        "Sourdough bread is leavened with a starter, a fermented mixture of flour and "
        "water that contains wild yeast and lactic acid bacteria. The bacteria give "
        "the bread its slightly sour flavour. A starter must be fed regularly with "
        "fresh flour and water to stay active. Most loaves need a long, slow rise, "
        "often overnight in the fridge."),
        qas=[("What makes sourdough rise?", "a starter"),
             ("Apart from bacteria, what lives in a starter?", "wild yeast"),
             ("What is responsible for the sour taste?", "The bacteria"),
             ("What must be done to keep a starter alive?", "fed regularly"),
             ("Where do loaves often rise overnight?", "in the fridge")]),
    dict(title="Guacamole", context=(
        "Guacamole is a Mexican dip made from mashed avocado. A classic recipe adds "
        "lime juice, salt, chopped onion, coriander and fresh chilli. The lime juice "
        "adds brightness and slows the browning of the avocado. It is traditionally "
        "prepared in a stone mortar called a molcajete."),
        qas=[("What is the main ingredient of guacamole?", "mashed avocado"),
             ("Which cuisine does guacamole come from?", "Mexican"),
             ("Which ingredient helps stop the dip from turning brown?", "The lime juice"),
             ("What is the traditional stone bowl called?", "a molcajete"),
             ("Which herb goes into the classic version?", "coriander")]),
    dict(title="Tea", context=(
        "Black, green and oolong tea all come from the leaves of the same plant, "
        "Camellia sinensis. The difference lies in processing: green tea is heated "
        "soon after picking to prevent oxidation, while black tea is left to oxidise "
        "fully. Oolong is partly oxidised, which places it somewhere between the two. "
        "Water for green tea should be well below boiling, at around 80 degrees Celsius."),
        qas=[("Which plant do all these teas come from?", "Camellia sinensis"),
             ("Why is green tea heated soon after harvesting?", "to prevent oxidation"),
             ("How oxidised is oolong?", "partly oxidised"),
             ("How hot should the water be for green tea?", "around 80 degrees Celsius"),
             ("Which tea is allowed to oxidise completely?", "black tea")]),
    dict(title="The Maillard reaction", context=(
        "When meat is seared in a hot pan, it browns because of the Maillard "
        "reaction, a chemical reaction between amino acids and sugars. The reaction "
        "happens quickly above about 140 degrees Celsius. It creates hundreds of "
        "flavour compounds, which is why toast tastes so different from bread. "
        "Patting food dry before cooking helps, since moisture keeps the surface too "
        "cool to brown."),
        qas=[("What makes seared meat turn brown?", "the Maillard reaction"),
             ("Which substances react with each other?", "amino acids and sugars"),
             ("Above what temperature does the browning speed up?", "about 140 degrees Celsius"),
             ("Why does patting food dry help it brown?", "moisture keeps the surface too cool"),
             ("How many flavour compounds does the reaction produce?", "hundreds")]),
    dict(title="The Copper Kettle (fictional café)", context=(
        "The Copper Kettle is a family-run café in the fictional village of Marlow "
        "Green. It was opened in 1987 by Edith and Ron Baxter and is now run by their "
        "granddaughter, Amy. The café is best known for its lemon drizzle cake, which "
        "sells out most afternoons by three o'clock. Dogs are welcome in the garden "
        "but not inside."),
        qas=[("Who opened the café?", "Edith and Ron Baxter"),
             ("Who is in charge of the café today?", "Amy"),
             ("What is the café famous for?", "its lemon drizzle cake"),
             ("By what time is the cake usually gone?", "three o'clock"),
             ("Where are dogs allowed?", "in the garden"),
             ("When did the café open its doors?", "1987")]),
    dict(title="Coffee", context=(
        "Coffee beans are the roasted seeds of the coffee plant's cherries. The two "
        "main species grown commercially are Arabica and Robusta. Robusta contains "
        "roughly twice as much caffeine and has a more bitter taste. Espresso is made "
        "by forcing hot water through finely ground coffee at high pressure."),
        qas=[("Which part of the coffee cherry is a coffee bean?", "the roasted seeds"),
             ("Name the two main species grown for sale.", "Arabica and Robusta"),
             ("Which species has more caffeine?", "Robusta", 1),
             ("How does Robusta taste compared with the other species?", "more bitter"),
             ("Under what conditions is water pushed through the grounds for espresso?", "at high pressure")]),
    dict(title="Kimchi", context=(
        "Kimchi is a staple of Korean cuisine made from salted and fermented "
        "vegetables, most often napa cabbage and radish. It is seasoned with chilli "
        "powder, garlic, ginger and fish sauce. Families traditionally make large "
        "batches in late autumn, a custom called gimjang. In 2013 UNESCO added "
        "gimjang to its list of intangible cultural heritage."),
        qas=[("Which cuisine is kimchi part of?", "Korean cuisine"),
             ("Which vegetables are used most often?", "napa cabbage and radish"),
             ("What is the autumn kimchi-making tradition called?", "gimjang", 0),
             ("Which organisation recognised the tradition?", "UNESCO"),
             ("In what year was the custom recognised?", "2013")]),
    dict(title="The marathon", context=(
        "The marathon is a long-distance running race of 42.195 kilometres. The name "
        "comes from the legend of a Greek messenger who ran from the town of Marathon "
        "to Athens to announce a victory. The odd distance dates back to the 1908 "
        "London Olympics, where the course ran from Windsor Castle to the stadium."),
        qas=[("How long is a marathon?", "42.195 kilometres"),
             ("According to legend, who ran the first marathon?", "a Greek messenger"),
             ("Where was the messenger running to?", "Athens"),
             ("Which Games gave the race its unusual length?", "the 1908 London Olympics"),
             ("Where did the 1908 course start?", "Windsor Castle")]),
    dict(title="Tennis scoring", context=(
        "In tennis, points within a game are counted as 15, 30 and 40, and a score of "
        "zero is called love. If both players reach 40, the score is deuce, and a "
        "player must win two points in a row to take the game. Wimbledon, played on "
        "grass in London, is the oldest of the four Grand Slam tournaments."),
        qas=[("What is a score of zero called in tennis?", "love"),
             ("What is the score when both players have 40?", "deuce"),
             ("What does a player need to win the game from deuce?", "two points in a row"),
             ("On what surface is Wimbledon played?", "grass"),
             ("Which Grand Slam event is the oldest?", "Wimbledon")]),
    dict(title="The FIFA World Cup", context=(
        "The FIFA World Cup is held every four years. The first tournament took place "
        "in Uruguay in 1930, and the hosts also won it. Brazil has won the trophy five "
        "times, more than any other country. The 2022 edition in Qatar was the first "
        "to be played in November and December."),
        qas=[("How often is the World Cup held?", "every four years"),
             ("Which country hosted the first World Cup?", "Uruguay"),
             ("Which nation has the most titles?", "Brazil"),
             ("How many times has Brazil won?", "five times"),
             ("In which months was the 2022 tournament played?", "November and December")]),
    dict(title="Basketball", context=(
        "Basketball was invented in 1891 by James Naismith, a physical education "
        "teacher in Springfield, Massachusetts. The first game was played with a "
        "soccer ball and two peach baskets nailed to a balcony. Today a team has five "
        "players on the court at a time."),
        qas=[("Who invented basketball?", "James Naismith"),
             ("What was the inventor's job?", "a physical education teacher"),
             ("What served as the first hoops?", "two peach baskets"),
             ("How many players per side are on the court?", "five"),
             ("In what year was the game invented?", "1891"),
             ("What kind of ball was used in the first game?", "soccer ball")]),
    dict(title="Harbourside Rowing Club (fictional)", context=(
        "The Harbourside Rowing Club is a fictional club founded in 1902 by a group "
        "of dockworkers. Its members train on the estuary at dawn, six days a week. "
        "The club's women's eight won the national championship three years in a "
        "row, from 2019 to 2021. New members can join a twelve-week beginners' course "
        "every spring."),
        qas=[("Who founded the rowing club?", "a group of dockworkers"),
             ("At what time of day do members train?", "at dawn"),
             ("Which crew won the national title?", "The club's women's eight"),
             ("How many weeks does the beginners' course last?", "twelve"),
             ("When can newcomers start the course?", "every spring"),
             ("How many days a week do members train?", "six days a week")]),
    dict(title="The Tour de France", context=(
        "The Tour de France is a multi-stage bicycle race held mainly in France every "
        "July. It was first organised in 1903 to boost sales of a sports newspaper. "
        "The leader of the general classification wears the yellow jersey, while the "
        "best sprinter wears green. The race traditionally finishes on the "
        "Champs-Élysées in Paris."),
        qas=[("In which month does the Tour de France take place?", "July"),
             ("What was the race originally meant to do?", "boost sales of a sports newspaper"),
             ("What colour is the overall leader's jersey?", "yellow"),
             ("Who wears the green jersey?", "the best sprinter"),
             ("Where does the race usually end?", "the Champs-Élysées")]),
    dict(title="Chess", context=(
        "Chess is played on a board of 64 squares by two players, one controlling the "
        "white pieces and the other the black. The aim is to checkmate the opposing "
        "king. Each player starts with 16 pieces, including eight pawns. In 1997, the "
        "IBM computer Deep Blue defeated world champion Garry Kasparov in a six-game match."),
        qas=[("How many squares are on a chessboard?", "64"),
             ("What is the goal of the game?", "to checkmate the opposing king"),
             ("How many pawns does each side get?", "eight"),
             ("Which computer beat the world champion?", "Deep Blue"),
             ("Who lost to the computer in 1997?", "Garry Kasparov")]),
    dict(title="Lumen Labs (fictional company)", context=(
        "Lumen Labs is a fictional start-up that builds speech recognition software "
        "for hospitals. It was founded in 2019 by Nadia Rahman and Tom Okoro, two "
        "former nurses. The company has 45 employees and its headquarters are in "
        "Leeds. Its main product, ClearNote, turns doctors' spoken notes into written records."),
        qas=[("What does Lumen Labs make?", "speech recognition software"),
             ("Who started the company?", "Nadia Rahman and Tom Okoro"),
             ("What did the founders do before?", "former nurses"),
             ("In which city is the head office?", "Leeds"),
             ("What is the flagship product called?", "ClearNote"),
             ("How many staff does the company have?", "45")]),
    dict(title="Northwind Bikes (fictional company)", context=(
        "Northwind Bikes is a fictional bicycle maker based in Utrecht. The company "
        "sells around 30,000 electric bikes a year, most of them to commuters. Every "
        "frame is made from recycled aluminium. In 2023 it opened a repair academy "
        "that trains 200 mechanics a year."),
        qas=[("Where is Northwind Bikes based?", "Utrecht"),
             ("How many e-bikes does the firm sell annually?", "around 30,000"),
             ("Who buys most of its bikes?", "commuters"),
             ("What are the frames made from?", "recycled aluminium"),
             ("What did the company open in 2023?", "a repair academy"),
             ("How many mechanics does the academy train each year?", "200")]),
    dict(title="Pinecone Games (fictional studio)", context=(
        "Pinecone Games is a small, fictional video game studio in Montreal. Its "
        "first title, Lantern Keeper, is a puzzle game about a lighthouse keeper and "
        "her cat. The game was made by a team of just seven people over three years. "
        "It sold half a million copies in its first month."),
        qas=[("Where is the studio located?", "Montreal"),
             ("What is the studio's debut game called?", "Lantern Keeper"),
             ("What genre is the game?", "a puzzle game"),
             ("How many people developed the game?", "seven"),
             ("How many copies were sold in the first month?", "half a million"),
             ("How long did development take?", "three years")]),
    dict(title="Helios Energy (fictional company)", context=(
        "Helios Energy is a fictional company that installs solar panels on school "
        "roofs. Schools pay nothing upfront; instead, they buy the electricity at a "
        "discount for 20 years. So far the company has equipped 340 schools across "
        "Portugal and Spain. Its chief executive, Marta Silva, previously worked as a "
        "physics teacher."),
        qas=[("Where does Helios Energy put its solar panels?", "on school roofs"),
             ("How much do schools pay at the start?", "nothing upfront"),
             ("For how long do schools get cheaper electricity?", "20 years"),
             ("How many schools have panels so far?", "340"),
             ("Who leads the company?", "Marta Silva"),
             ("What was the CEO's previous job?", "a physics teacher")]),
    dict(title="Tidewater Logistics (fictional company)", context=(
        "Tidewater Logistics is a fictional shipping firm founded in Rotterdam in "
        "1968. It operates a fleet of 22 container ships. In 2022 the company began "
        "testing a cargo vessel that uses large rigid sails to cut fuel use by up to "
        "a third."),
        qas=[("Where was Tidewater Logistics founded?", "Rotterdam"),
             ("When was the company established?", "1968"),
             ("How big is its fleet?", "22 container ships"),
             ("What is the test vessel fitted with?", "large rigid sails"),
             ("By how much could fuel consumption fall?", "up to a third")]),
    dict(title="Kestrel Software (fictional company)", context=(
        "Kestrel Software is a fictional company that makes a budgeting app called "
        "Nest. The app groups spending into categories automatically and warns users "
        "before bills are due. It is free for students, while other users pay four "
        "euros a month. The company employs 60 people in Dublin and Kraków."),
        qas=[("What is the name of Kestrel's app?", "Nest"),
             ("What does the app do ahead of payment deadlines?", "warns users"),
             ("Who can use the app without paying?", "students"),
             ("How much does everyone else pay?", "four euros a month"),
             ("In which cities does the company have staff?", "Dublin and Kraków"),
             ("What kind of app is it?", "a budgeting app")]),
    dict(title="Orbit Foods (fictional company)", context=(
        "Orbit Foods is a fictional food company that makes snacks from upcycled "
        "ingredients. Its best-selling product is a cracker made from the grain left "
        "over after brewing beer. The company buys this spent grain from 14 local "
        "breweries. It was founded in 2020 by the chef Lucas Moreau."),
        qas=[("What are Orbit Foods' snacks made from?", "upcycled ingredients"),
             ("What is the company's top-selling product?", "a cracker"),
             ("What is the leftover grain from brewing called?", "spent grain"),
             ("How many breweries supply the company?", "14"),
             ("Who founded Orbit Foods?", "Lucas Moreau")]),
    dict(title="Acme Robotics (fictional company)", context=(
        "Acme Robotics is a fictional company that builds small robots for sorting "
        "recycling. Its robot, named Sorta, uses a camera and a neural network to "
        "recognise plastic, glass and metal on a conveyor belt. One robot can pick up "
        "to 60 items per minute. The first units were installed at a plant in "
        "Gothenburg in 2021."),
        qas=[("What job do Acme's robots do?", "sorting recycling"),
             ("What is the robot called?", "Sorta"),
             ("Which materials can the robot tell apart?", "plastic, glass and metal"),
             ("How quickly can one robot work?", "up to 60 items per minute"),
             ("In which city were the first robots set up?", "Gothenburg")]),
    dict(title="Greenhollow Library (fictional)", context=(
        "Greenhollow Library is a fictional public library that opened in a former "
        "railway station in 1998. Its collection includes 80,000 books and a large "
        "archive of local newspapers. Every Saturday morning, volunteers run a "
        "repair café where visitors can get broken lamps and toasters fixed for free. "
        "The library's most popular service is its seed library, which lends "
        "vegetable seeds to gardeners."),
        qas=[("What building did the library move into?", "a former railway station"),
             ("How many books does the library hold?", "80,000"),
             ("When does the repair café take place?", "Every Saturday morning"),
             ("Who runs the repair café?", "volunteers"),
             ("What does the seed library lend out?", "vegetable seeds")]),
    dict(title="Aster Air (fictional airline)", context=(
        "Aster Air is a fictional regional airline that flies between twelve island "
        "airports in the North Sea. Its fleet consists of nine small propeller "
        "aircraft, each with 19 seats. Because some runways are made of grass, pilots "
        "receive extra training for soft-field landings. In winter, storms cancel "
        "about one flight in twenty."),
        qas=[("How many airports does Aster Air serve?", "twelve"),
             ("In which sea are the islands?", "the North Sea"),
             ("How many seats does each plane have?", "19"),
             ("Why do pilots get extra training?", "some runways are made of grass"),
             ("What share of winter flights are cancelled by storms?", "about one flight in twenty")]),
]


def find_occurrences(hay, needle):
    out, start = [], 0
    while True:
        i = hay.find(needle, start)
        if i < 0:
            return out
        out.append(i)
        start = i + 1


def make_qa():
    rows = []
    n = 0
    for entry in QA_DATA:
        ctx = entry["context"]
        for qa in entry["qas"]:
            question, answer = qa[0], qa[1]
            occ = find_occurrences(ctx, answer)
            if len(qa) > 2:
                start = occ[qa[2]]
            else:
                assert len(occ) == 1, "answer %r occurs %d times in %r" % (answer, len(occ), entry["title"])
                start = occ[0]
            n += 1
            rows.append({"id": "q%03d" % n, "title": entry["title"], "context": ctx,
                         "question": question,
                         "answers": {"text": [answer], "answer_start": [start]}})
    return rows


# ---------------------------------------------------------------------------
# Writing, validation and summary
# ---------------------------------------------------------------------------

REVIEW_COLUMNS = ["id", "text", "stars", "label", "topic", "lang", "split"]


def write_reviews(path, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=REVIEW_COLUMNS, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: r[k] for k in REVIEW_COLUMNS})
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(ln) for ln in f]


def check(cond, msg):
    if not cond:
        raise SystemExit("VALIDATION FAILED: " + msg)


def validate_reviews(path):
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        check(reader.fieldnames == REVIEW_COLUMNS, "reviews columns %r" % reader.fieldnames)
        rows = list(reader)
    langs = collections.Counter(r["lang"] for r in rows)
    check(langs == {"en": 1400, "zh": 120}, "language counts %r" % langs)
    check([r["id"] for r in rows] == ["r%04d" % i for i in range(1, len(rows) + 1)], "ids")
    texts = [r["text"] for r in rows]
    check(all(t.strip() for t in texts), "empty review text")
    check(len(set(texts)) == len(texts), "duplicate review texts")
    for r in rows:
        stars = int(r["stars"])
        check(1 <= stars <= 5, "stars out of range")
        check(r["label"] == label_for(stars), "label mismatch in %s" % r["id"])
        check(r["topic"] in TOPICS, "unknown topic %r" % r["topic"])
        if r["lang"] == "en":
            n = len(r["text"].split())
            check(MIN_WORDS <= n <= MAX_WORDS, "%s has %d words" % (r["id"], n))
            check(not re.search(r"[{}]", r["text"]), "unfilled placeholder in %s" % r["id"])
        else:
            check(re.search(r"[\u4e00-\u9fff]", r["text"]), "%s is not Chinese" % r["id"])
    check(set(r["label"] for r in rows) == {"positive", "neutral", "negative"}, "label set")
    splits = collections.Counter((r["lang"], r["split"]) for r in rows)
    check(splits == {("en", "train"): 1120, ("en", "test"): 280, ("zh", "train"): 80, ("zh", "test"): 40},
          "split counts %r" % splits)
    leaks = leaked_sentences(rows)
    check(not leaks, "%d test sentences also occur in train reviews, e.g. %r" % (len(leaks), leaks[:3]))
    return rows


def validate_ner(path):
    rows = read_jsonl(path)
    check(len(rows) >= 400, "only %d NER sentences" % len(rows))
    allowed = set(NER_TAGS)
    sentences = set()
    for r in rows:
        check(set(r) == {"id", "tokens", "ner_tags"}, "NER keys %r" % sorted(r))
        toks, tags = r["tokens"], r["ner_tags"]
        check(len(toks) == len(tags) > 0, "length mismatch in %s" % r["id"])
        check(all(t and " " not in t for t in toks), "bad token in %s" % r["id"])
        check(set(tags) <= allowed, "unknown tag in %s" % r["id"])
        prev = "O"
        for tag in tags:
            if tag.startswith("I-"):
                check(prev != "O" and prev[2:] == tag[2:],
                      "invalid BIO sequence %s -> %s in %s" % (prev, tag, r["id"]))
            prev = tag
        sentences.add(" ".join(toks))
    check(len(sentences) == len(rows), "duplicate NER sentences")
    check("Apple was founded by Steve Jobs in Cupertino ." in sentences, "Apple sentence missing")
    return rows


def longest_shared_run(question, context):
    """Length of the longest run of words a question copies from its context."""
    norm = lambda s: re.findall(r"[\w'-]+", s.lower())
    q, c = norm(question), norm(context)
    best = 0
    for n in range(1, len(q) + 1):
        grams = set(tuple(c[i:i + n]) for i in range(len(c) - n + 1))
        if any(tuple(q[i:i + n]) in grams for i in range(len(q) - n + 1)):
            best = n
        else:
            break
    return best


def validate_qa(path):
    rows = read_jsonl(path)
    check(len(rows) >= 300, "only %d QA rows" % len(rows))
    contexts = set(r["context"] for r in rows)
    check(len(contexts) >= 60, "only %d contexts" % len(contexts))
    pairs = set()
    worst = 0
    for r in rows:
        ctx, ans = r["context"], r["answers"]
        text, start = ans["text"][0], ans["answer_start"][0]
        check(len(ans["text"]) == len(ans["answer_start"]) == 1, "answers in %s" % r["id"])
        check(ctx[start:start + len(text)] == text, "bad offset in %s" % r["id"])
        check(1 <= len(text.split()) <= 6, "answer length in %s: %r" % (r["id"], text))
        check(r["question"].endswith("?") or r["question"].endswith("."), "question punctuation")
        check((ctx, r["question"]) not in pairs, "duplicate question %s" % r["id"])
        pairs.add((ctx, r["question"]))
        n_sent = len(re.findall(r"[.!?](?:\s|$)", ctx))
        check(2 <= n_sent <= 5, "%s context has %d sentences" % (r["id"], n_sent))
        run = longest_shared_run(r["question"], ctx)
        check(run <= 5, "question %s copies %d words of its context" % (r["id"], run))
        worst = max(worst, run)
    required = [r for r in rows if r["question"] == "What is Hugging Face creating?"]
    check(len(required) == 1 and required[0]["answers"]["text"] == ["tools to democratize machine learning"],
          "required Hugging Face question")
    return rows, worst


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    out_dir = OUT_DIR
    if argv[:1] == ["--out"] and len(argv) == 2:
        out_dir = argv[1]
    elif argv:
        raise SystemExit("usage: python3 tools/make_data.py [--out DIR]")
    os.makedirs(out_dir, exist_ok=True)
    reviews = make_reviews(random.Random(SEED))
    ner = make_ner(random.Random(SEED + 1))
    qa = make_qa()

    rev_path = os.path.join(out_dir, "reviews.csv")
    ner_path = os.path.join(out_dir, "ner.jsonl")
    qa_path = os.path.join(out_dir, "qa.jsonl")
    write_reviews(rev_path, reviews)
    write_jsonl(ner_path, ner)
    write_jsonl(qa_path, qa)

    reviews = validate_reviews(rev_path)
    ner = validate_ner(ner_path)
    qa, worst_copy = validate_qa(qa_path)

    # ----- summary -----
    print("reviews.csv: %d rows" % len(reviews))
    for lang in ("en", "zh"):
        sub = [r for r in reviews if r["lang"] == lang]
        print("  lang=%s: %d rows" % (lang, len(sub)))
        labels = collections.Counter(r["label"] for r in sub)
        print("    labels: " + ", ".join("%s %d (%.0f%%)" % (k, labels[k], 100.0 * labels[k] / len(sub))
                                         for k in ("positive", "neutral", "negative")))
        stars = collections.Counter(r["stars"] for r in sub)
        print("    stars:  " + ", ".join("%s: %d" % (k, stars[k]) for k in "12345"))
        print("    split:  train %d, test %d" % (sum(r["split"] == "train" for r in sub),
                                               sum(r["split"] == "test" for r in sub)))
        topics = collections.Counter(r["topic"] for r in sub)
        print("    topics: " + ", ".join("%s %d" % (t, topics[t]) for t in TOPIC_NAMES))
    en_words = sorted(len(r["text"].split()) for r in reviews if r["lang"] == "en")
    print("  en words per review: min %d, median %d, mean %.1f, max %d" % (
        en_words[0], en_words[len(en_words) // 2], sum(en_words) / len(en_words), en_words[-1]))
    zh_chars = sorted(len(r["text"]) for r in reviews if r["lang"] == "zh")
    print("  zh characters per review: min %d, median %d, max %d" % (
        zh_chars[0], zh_chars[len(zh_chars) // 2], zh_chars[-1]))

    tag_counts = collections.Counter(t for r in ner for t in r["ner_tags"])
    ent_counts = collections.Counter(t[2:] for r in ner for t in r["ner_tags"] if t.startswith("B-"))
    no_ent = sum(1 for r in ner if all(t == "O" for t in r["ner_tags"]))
    n_tok = sum(len(r["tokens"]) for r in ner)
    print("ner.jsonl: %d sentences, %d tokens, %d sentences without entities" % (len(ner), n_tok, no_ent))
    print("  templates: %d slot templates, %d hand-tagged, %d entity-free" % (
        len(NER_TEMPLATES), len(NER_FIXED), len(NER_NO_ENTITY)))
    print("  entities: " + ", ".join("%s %d" % (k, ent_counts[k]) for k in ("PER", "ORG", "LOC", "MISC")))
    print("  tags: " + ", ".join("%s %d" % (k, tag_counts[k]) for k in NER_TAGS))

    n_ctx = len(set(r["context"] for r in qa))
    a_words = [len(r["answers"]["text"][0].split()) for r in qa]
    print("qa.jsonl: %d questions over %d contexts (%d titles)" % (
        len(qa), n_ctx, len(set(r["title"] for r in qa))))
    print("  answer length in words: min %d, mean %.1f, max %d; longest run copied from context: %d words" % (
        min(a_words), sum(a_words) / len(a_words), max(a_words), worst_copy))
    print("all checks passed")


if __name__ == "__main__":
    main()
