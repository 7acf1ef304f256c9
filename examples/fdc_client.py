"""Look foods up on USDA FoodData Central (FDC) with nutrigap's client.

Run it with a free API key (https://fdc.nal.usda.gov/api-key-signup.html):

    FDC_API_KEY=your-key python examples/fdc_client.py "mung bean sprouts"

Without ``FDC_API_KEY`` it explains what it would do and exits 0 without
touching the network. With a key it

1. searches FDC (Foundation, SR Legacy and FNDDS foods; no branded products)
   and prints the hits with their magnesium, potassium and folate per 100 g;
2. asks the client for the best match of the text (what nutrigap's food
   matcher does for diary foods the bundled tables lack) and prints its
   household portions;
3. repeats the search: the answer now comes from the disk cache, so the
   second run makes no network call (``requests_made`` stays put).

Pass ``--offline`` to serve only from the cache.
"""

from __future__ import annotations

import os
import sys

import pandas as pd

from nutrigap.exceptions import FDCError
from nutrigap.fdc import SIGNUP_URL, FDCClient

SHOW = ["description", "data_type", "magnesium", "potassium", "folate", "energy", "score"]


def main(argv: list[str]) -> int:
    offline = "--offline" in argv
    words = [a for a in argv if a != "--offline"]
    text = " ".join(words) or "spinach raw"

    if not os.environ.get("FDC_API_KEY") and not offline:
        print("FDC_API_KEY is not set, so this example makes no request. With a key it would:")
        print(f"  1. POST /foods/search {{'query': {text!r}, 'dataType': Foundation, SR Legacy,")
        print("     Survey (FNDDS)} and print each hit's magnesium, potassium, folate per 100 g;")
        print(f"  2. FDCClient.best_match({text!r}) -> (FDCFoods, score 0-100), fetching the")
        print("     chosen food's full record (GET /food/{id}) for its household portions;")
        print("  3. search again and show that the answer came from the disk cache.")
        print(f"Get a free key at {SIGNUP_URL}, then: FDC_API_KEY=... python {sys.argv[0]}")
        return 0

    pd.set_option("display.width", 120)
    client = FDCClient(offline=offline)
    print(client)
    try:
        hits = client.search(text, page_size=5)
        print(f"\n{hits.table.attrs['total_hits']} FDC foods match {text!r}; top hits, per 100 g:")
        print(hits.table[SHOW].to_string())

        got = client.best_match(text)
        if got is None:
            print(f"\nno FDC food scores 70 or more against {text!r}")
        else:
            foods, score = got
            row = foods.table.iloc[0]
            print(f"\nbest match ({score:.0f}/100): {foods.table.index[0]} {row.description}")
            print(foods.portions.to_string(index=False) if len(foods.portions) else "no portions")

        before = client.requests_made
        client.search(text, page_size=5)
        print(f"\nsame search again: {client.requests_made - before} network request(s)")
    except FDCError as exc:
        print(f"FDC request failed: {exc}", file=sys.stderr)
        return 1
    finally:
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
