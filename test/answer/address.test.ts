import { describe, expect, it } from "vitest";
import { locativeAddress, placesWithAddresses } from "../../src/answer/address.js";
import { findPlaces } from "../../src/answer/figures.js";

const addresses = (sentence: string) => placesWithAddresses(sentence).map((p) => p.text);

describe("locativeAddress", () => {
  it("extends a place after a locative word to the whole address its clause gives", () => {
    expect(addresses("项目落户呼图壁县天山工业园区，总投资5亿元。")).toEqual(["呼图壁县天山工业园区"]);
    expect(addresses("美庐别墅位于中国江西省庐山牯岭东谷河西路180号。")).toEqual(["中国江西省庐山牯岭东谷河西路180号"]);
    expect(addresses("巴黎古监狱位于巴黎市政厅以西。")).toContain("巴黎市政厅以西");
  });

  it("takes the name right after a where-verb for a place, even one the tagger reads as a person's", () => {
    // 莫斯科 is tagged nr: after 部署在 it is still where the system stands.
    expect(addresses("该系统是俄罗斯部署在莫斯科附近区域的一套反导系统。")).toEqual(["俄罗斯", "莫斯科附近"]);
    // …joined to the place the tagger did find after it, through an abbreviation (东盟).
    expect(addresses("东盟校区位于武鸣中国-东盟经济开发区，占地500亩。")).toEqual(["武鸣中国-东盟经济开发区"]);
  });

  it("keeps the offsets of the sentence", () => {
    const sentence = "项目落户呼图壁县天山工业园区，总投资5亿元。";
    const [address] = placesWithAddresses(sentence);
    expect(sentence.slice(address!.start, address!.end)).toBe(address!.text);
  });

  it("stops before a verb, a count or a word that cannot end an address", () => {
    expect(addresses("比赛在南京举行。")).toEqual(["南京"]);
    expect(addresses("现学校在南宁市内有两个校区。")).toEqual(["南宁市"]);
  });

  it("leaves a place with no locative word before it as it is", () => {
    const sentence = "呼图壁县天山工业园区新建厂房3栋。";
    for (const place of findPlaces(sentence)) expect(locativeAddress(sentence, place)).toEqual(place);
  });
});
