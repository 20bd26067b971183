package org.openkyc.screening.lists;

/**
 * Every list format OpenKYC reads. A file's format is told from its content (root element, header, first line), never
 * from its name: an upload may be called anything.
 */
public enum ListFormat {
    UN_XML("UN_SC", "the UN Security Council consolidated list (XML)"),
    OFAC_CSV("OFAC_SDN", "OFAC's legacy CSV set (sdn.csv or cons_prim.csv)"),
    OFAC_ENHANCED_XML("OFAC_SDN", "OFAC's enhanced XML, or the ZIP holding it"),
    US_CSL_CSV("US_CSL", "the US Consolidated Screening List (CSV, gzipped or not)"),
    BIS_DPL("BIS_DPL", "the BIS Denied Persons List (tab-separated)"),
    EU_XML("EU_FSF", "the EU financial sanctions file (XML)"),
    UK_FCDO_XML("UK_FCDO", "the FCDO's UK Sanctions List (XML)"),
    UK_OFSI_CSV("UK_OFSI", "OFSI's consolidated list (CSV)"),
    FOLLOW_THE_MONEY("FTM", "FollowTheMoney entities, one JSON object a line"),
    POPOLO_JSON("POPOLO", "Popolo JSON (persons, organizations, memberships)"),
    US_CONGRESS_YAML("US_CONGRESS", "the US Congress legislators or executive YAML"),
    OWN_LIST_CSV("OWN_LIST", "OpenKYC's CSV for an operator's own list");

    private final String defaultSource;
    private final String description;

    ListFormat(String defaultSource, String description) {
        this.defaultSource = defaultSource;
        this.description = description;
    }

    /**
     * The source its entities carry unless the caller names one. The readers of publisher formats may refine it from
     * the content: OFAC's consolidated non-SDN list is {@code OFAC_CONS}, the US executive file {@code US_EXECUTIVE}.
     */
    public String defaultSource() {
        return defaultSource;
    }

    /**
     * Whether it is a list the operator keeps themselves rather than a publisher's: such a list must be exact, so a
     * single bad row refuses the whole file.
     */
    public boolean ownList() {
        return this == OWN_LIST_CSV;
    }

    public String description() {
        return description;
    }
}
