// Internal: how each entity type looks in the drawing formats (yEd, GEXF, DOT), kept in one table so a
// type has the same colour in Gephi, yEd and Graphviz.
#pragma once

#include <kg/model.hpp>

namespace kg::exportdetail {

/// Colours are Tableau 10 (distinguishable, colour-blind tolerant); shapes are yEd's and Graphviz's names.
struct TypeStyle {
    const char* hex;        ///< "#RRGGBB" fill colour
    unsigned char r, g, b;  ///< the same colour as components (GEXF viz:color)
    const char* font;       ///< label colour readable on the fill
    const char* yed_shape;  ///< y:Shape type
    const char* dot_shape;  ///< Graphviz node shape
};

/// The style of a type.
inline const TypeStyle& style_of(EntityType type) {
    static const TypeStyle kStyles[] = {
        {"#4E79A7", 0x4E, 0x79, 0xA7, "#FFFFFF", "ellipse", "ellipse"},          // PERSON
        {"#F28E2B", 0xF2, 0x8E, 0x2B, "#000000", "roundrectangle", "box"},       // COMPANY
        {"#59A14F", 0x59, 0xA1, 0x4F, "#FFFFFF", "hexagon", "hexagon"},          // ORGANIZATION
        {"#E15759", 0xE1, 0x57, 0x59, "#FFFFFF", "octagon", "octagon"},          // COUNTRY
        {"#76B7B2", 0x76, 0xB7, 0xB2, "#000000", "triangle", "house"},           // LOCATION
        {"#EDC948", 0xED, 0xC9, 0x48, "#000000", "diamond", "diamond"},          // EVENT
        {"#B07AA1", 0xB0, 0x7A, 0xA1, "#FFFFFF", "rectangle", "component"},      // PRODUCT
        {"#FF9DA7", 0xFF, 0x9D, 0xA7, "#000000", "parallelogram", "note"},       // POLICY
        {"#BAB0AC", 0xBA, 0xB0, 0xAC, "#000000", "rectangle", "box"},            // UNKNOWN
    };
    return kStyles[static_cast<unsigned>(type) < 9 ? static_cast<unsigned>(type) : 8];
}

}  // namespace kg::exportdetail
