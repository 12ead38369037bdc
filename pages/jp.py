"""Page under construction (filled by its issue)."""

import streamlit as st

from ui.common import header
from ui.state import current_filter

header("jp")
st.write(current_filter())
