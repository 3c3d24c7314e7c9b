// The packed form of an extraction (see packed.hpp). Layout, in order:
//   doc:        byte 0 (the document's id) | 1 + text
//   entities:   count, then per entity its summary: name, type byte, type_confidence, aliases (count, texts),
//               number of mentions
//               then per entity: mentions (count, each: text reference, doc, start, end, code points)
//   relations:  count, each: subject, predicate, object, confidence, evidence
// A number is a LEB128 varint, a text a number (its length) and its bytes, a real the 8 bytes of a double.
// A mention's text reference is 0 for the entity's name, 1 + k for alias k, or 1 + aliases + a literal text;
// its doc is byte 0 for the extraction's doc or 1 + text. Evidence starts with a flags byte (own doc, same
// sentence text as the previous relation's, negated), then [doc], start, end, code points, [text], modality.
// Code points: 0 when the span's cp_start is unknown, else 1 + (start - cp_start), the bytes that are not
// code points before it: 1, one byte, for the ASCII part of a text.
#include "merge/packed.hpp"

#include <algorithm>

namespace kg::detail {

namespace {

enum EvidenceFlags : unsigned char { own_doc = 1, same_text = 2, negated = 4, former = 8 };

void put_code_points(PackWriter& w, const Span& s) {
    w.number(s.cp_start == Span::unknown || s.cp_start > s.start ? 0 : 1 + static_cast<std::uint64_t>(s.start - s.cp_start));
}

void get_code_points(PackReader& r, Span& s) {
    const std::uint64_t v = r.number();
    s.cp_start = v == 0 ? Span::unknown : s.start - static_cast<std::size_t>(v - 1);
}

}  // namespace

std::string pack(const DocExtraction& x, const std::string& doc_id) {
    PackWriter w;
    if (x.doc == doc_id) {
        w.byte(0);
    } else {
        w.byte(1);
        w.text(x.doc);
    }
    w.number(x.entities.size());
    for (const DocEntity& e : x.entities) {
        w.text(e.name);
        w.byte(static_cast<unsigned char>(e.type));
        w.real(e.type_confidence);
        w.number(e.aliases.size());
        for (const std::string& a : e.aliases) w.text(a);
        w.number(e.mentions.size());
    }
    for (const DocEntity& e : x.entities) {
        w.number(e.mentions.size());
        for (const Mention& m : e.mentions) {
            if (m.text == e.name) {
                w.number(0);
            } else {
                const auto a = std::find(e.aliases.begin(), e.aliases.end(), m.text);
                w.number(1 + static_cast<std::uint64_t>(a - e.aliases.begin()));
                if (a == e.aliases.end()) w.text(m.text);
            }
            if (m.doc == x.doc) {
                w.byte(0);
            } else {
                w.byte(1);
                w.text(m.doc);
            }
            w.number(m.start);
            w.number(m.end);
            put_code_points(w, m);
        }
    }
    w.number(x.relations.size());
    const std::string* previous = nullptr;
    for (const DocRelation& r : x.relations) {
        w.number(r.subject);
        w.text(r.predicate);
        w.number(r.object);
        w.real(r.confidence);
        const Evidence& ev = r.evidence;
        unsigned char flags = 0;
        if (ev.doc != x.doc) flags |= own_doc;
        if (previous && *previous == ev.text) flags |= same_text;
        if (ev.negated) flags |= negated;
        if (ev.former) flags |= former;
        w.byte(flags);
        if (flags & own_doc) w.text(ev.doc);
        w.number(ev.start);
        w.number(ev.end);
        put_code_points(w, ev);
        if (!(flags & same_text)) w.text(ev.text);
        w.text(ev.modality);
        previous = &ev.text;
    }
    w.out.shrink_to_fit();
    return std::move(w.out);
}

DocExtraction unpack(std::string_view packed, const std::string& doc_id) {
    PackReader r(packed);
    DocExtraction x;
    x.doc = r.byte() == 0 ? doc_id : std::string(r.text());
    x.entities.resize(static_cast<std::size_t>(r.number()));
    for (DocEntity& e : x.entities) {
        e.name = r.text();
        e.type = static_cast<EntityType>(r.byte());
        e.type_confidence = r.real();
        e.aliases.resize(static_cast<std::size_t>(r.number()));
        for (std::string& a : e.aliases) a = r.text();
        r.number();  // the mention count again, for for_each_entity()
    }
    for (DocEntity& e : x.entities) {
        e.mentions.resize(static_cast<std::size_t>(r.number()));
        for (Mention& m : e.mentions) {
            const std::uint64_t ref = r.number();
            if (ref == 0)
                m.text = e.name;
            else if (ref <= e.aliases.size())
                m.text = e.aliases[static_cast<std::size_t>(ref - 1)];
            else
                m.text = r.text();
            m.doc = r.byte() == 0 ? x.doc : std::string(r.text());
            m.start = static_cast<std::size_t>(r.number());
            m.end = static_cast<std::size_t>(r.number());
            get_code_points(r, m);
        }
    }
    x.relations.resize(static_cast<std::size_t>(r.number()));
    for (std::size_t i = 0; i < x.relations.size(); ++i) {
        DocRelation& rel = x.relations[i];
        rel.subject = static_cast<std::size_t>(r.number());
        rel.predicate = r.text();
        rel.object = static_cast<std::size_t>(r.number());
        rel.confidence = r.real();
        Evidence& ev = rel.evidence;
        const unsigned char flags = r.byte();
        ev.doc = (flags & own_doc) ? std::string(r.text()) : x.doc;
        ev.start = static_cast<std::size_t>(r.number());
        ev.end = static_cast<std::size_t>(r.number());
        get_code_points(r, ev);
        if (flags & same_text)
            ev.text = x.relations[i - 1].evidence.text;
        else
            ev.text = r.text();
        ev.modality = r.text();
        ev.negated = (flags & negated) != 0;
        ev.former = (flags & former) != 0;
    }
    return x;
}

HeldDocument hold(ExtractedDocument&& d) {
    HeldDocument h;
    h.packed = pack(d.extraction, d.info.id);
    d.extraction = DocExtraction{};
    h.info = std::move(d.info);
    h.fingerprint = d.fingerprint;
    return h;
}

ExtractedDocument release(HeldDocument&& h) {
    ExtractedDocument d;
    d.extraction = unpack(h.packed, h.info.id);
    std::string().swap(h.packed);
    d.info = std::move(h.info);
    d.fingerprint = h.fingerprint;
    return d;
}

}  // namespace kg::detail
