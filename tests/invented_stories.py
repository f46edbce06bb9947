"""Three invented news stories, two or three articles each, for the story and batch tests."""

WILDFIRE = [
    "A wildfire in the Alder Ridge foothills forced 3,000 residents to evacuate on Monday. Firefighters "
    "said the blaze had burned 12,000 acres of dry brush and destroyed forty homes near Pinecrest. "
    "Strong winds pushed the flames toward the reservoir overnight.",
    "Evacuation orders covered Pinecrest and two nearby towns as the Alder Ridge wildfire spread across "
    "12,000 acres. Fire crews and air tankers battled the flames, which destroyed dozens of homes. "
    "Officials blamed dry brush and strong winds.",
    "Residents of Pinecrest returned to burned homes after firefighters contained part of the Alder Ridge "
    "fire. The blaze, driven by winds through dry brush, had forced thousands to evacuate.",
]
ELECTION = [
    "Voters in the port city of Marlow elected Dana Okafor mayor on Tuesday, ending twelve years of rule "
    "by the harbour party. Okafor won 54 percent of the ballots counted and promised new ferry routes.",
    "Dana Okafor will be Marlow's next mayor after winning the city election with 54 percent of the "
    "vote. Turnout among voters rose, and the harbour party conceded defeat late on Tuesday night.",
]
MATCH = [
    "Eastbrook United beat Castleford 3-1 in the cup final on Saturday, with striker Jonas Varga scoring "
    "twice in the second half before a crowd of 40,000 at the stadium.",
    "Two second-half goals by Jonas Varga gave Eastbrook United the cup, a 3-1 win over Castleford in a "
    "final watched by 40,000 fans. The striker's coach praised the team.",
    "Castleford's manager said his side had no answer to Varga after Eastbrook United won the cup final "
    "3-1 on Saturday.",
]
